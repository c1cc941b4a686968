'use strict'

/**
 * A stand-in for the WeChat mini-program `wx` object, for Node.
 *
 * `wx.request` performs real HTTP through node's `http`/`https` modules and
 * follows WeChat's documented behaviour (method list, default content-type,
 * body encoding, `dataType`/`responseType`, `RequestTask`, chunked streaming,
 * timeout, abort, errMsg/errno shapes). Storage, system info, UI and navigation
 * APIs are in-memory stubs that record what they were asked to do.
 *
 * Every API is an own enumerable property (Taro copies `Object.keys(wx)`).
 * Test hooks are own, writable but non-enumerable properties prefixed `__`.
 *
 * Internal scheduling uses the real `timers` module, so jest fake timers do not
 * stall network callbacks (the `timeout` option is real time as well).
 */

const http = require('http')
const https = require('https')
const { createCallbacks } = require('./callbacks')
const { createCloud } = require('./cloud')
const { installEvents } = require('./events')
const { installRequest } = require('./request')
const { installStorage } = require('./storage')
const { installSystemInfo } = require('./system')
const { installUi } = require('./ui')

/**
 * Create a fresh fake `wx`.
 *
 * @param {object} [options]
 * @param {string[]} [options.allowedDomains] `host[:port]` list; other hosts fail
 *   with `request:fail url not in domain list` (errno 600002) and no network I/O.
 * @param {'wx' | 'qq' | 'jd' | 'tt' | 'swan'} [options.platform] whose request to follow where the copies of
 *   wx.request differ from it (see PLATFORMS in ./request.js); default 'wx'.
 * @param {boolean} [options.noChunked] emulate an old base library, or the PC client: `enableChunked` is
 *   accepted but no chunk is ever delivered; the whole body comes in `success`.
 * @param {number} [options.mergeChunks] deliver every N network pieces as one `onChunkReceived` event
 *   (the mobile clients sometimes merge two); what is left, at the end, before `success`.
 * @param {boolean} [options.keepAlive] reuse connections (default false: one connection per request).
 * @param {import('https').AgentOptions} [options.agentOptions] extra agent options (e.g. `rejectUnauthorized`).
 * @param {Record<string, unknown>} [options.systemInfo] overrides merged into `getSystemInfoSync()`.
 * @param {object} [options.cloudFunctions] cloud functions `wx.cloud.callFunction` runs (see ./cloud.js); without it, no `wx.cloud`.
 */
function createWx(options = {}) {
  const agentOptions = Object.assign({ keepAlive: !!options.keepAlive }, options.agentOptions)
  const agents = { http: new http.Agent(agentOptions), https: new https.Agent(agentOptions) }

  /** @type {any} */
  const wx = {}

  /** @type {Record<string, PropertyDescriptor>} */
  const hooks = {}
  const hook = (name, value) => {
    hooks[name] = { value, writable: true, enumerable: false, configurable: true }
  }
  hook('__requests', [])
  hook('__inFlight', 0)
  hook('__maxInFlight', 0)
  hook('__storage', new Map())
  hook('__storageReads', 0)
  hook('__listeners', {})
  hook('__ui', [])
  hook('__navigations', [])
  hook('__callbackErrors', [])
  hook('__options', options)
  /** Requests in flight, each with the function that cuts it. */
  const active = new Set()
  /** The app went to the background for 5 s: WeChat fails every request in flight with `request:fail interrupted`. */
  hook('__interrupt', () => {
    for (const cut of Array.from(active)) cut()
  })
  /** Destroy pooled sockets (only matters with keepAlive). */
  hook('__close', () => {
    agents.http.destroy()
    agents.https.destroy()
  })
  Object.defineProperties(wx, hooks)

  const { safeCall, makeAsync } = createCallbacks(wx)
  installRequest(wx, { options, active, agents, safeCall })
  installStorage(wx, { makeAsync })
  installSystemInfo(wx, { options, makeAsync })
  installEvents(wx, { makeAsync })
  installUi(wx, { makeAsync, safeCall })
  if (options.cloudFunctions) wx.cloud = createCloud({ functions: options.cloudFunctions, safeCall })
  return wx
}

module.exports = { createWx }
