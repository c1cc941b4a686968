'use strict'
// `wx.cloud` for Node: `callFunction` runs a real cloud function folder (the shipped relay) in its own
// Node process, as CloudBase does, with the environment variables set in the console. It follows
// WeChat's documented shapes: `data` and `result` go through JSON (an ArrayBuffer in `data` becomes
// `{ type: 'Buffer', data: [...] }`), the event carries `userInfo`, the result is `{ result, requestID,
// errMsg }`, failures are `{ errMsg, errCode }`, a function past its time limit (default 3 s) fails with
// -504003, an unknown name with -501000, and nothing works before `init`.
const { fork } = require('child_process')
const path = require('path')
const timers = require('timers')

const RUNNER = path.join(__dirname, 'cloud-function-runner.js')

/** JSON as the cloud function call carries it. */
function overJson(value) {
  const text = JSON.stringify(value, (_key, item) =>
    item instanceof ArrayBuffer ? { type: 'Buffer', data: Array.from(new Uint8Array(item)) } : item,
  )
  return text === undefined ? null : JSON.parse(text)
}

/**
 * @param {object} options
 * @param {Record<string, { dir: string, env?: Record<string, string> | (() => Record<string, string>), timeoutSeconds?: number }>} options.functions
 * @param {(options: object) => void} options.safeCall the fake wx's callback caller
 */
function createCloud({ functions, safeCall }) {
  const processes = new Map()
  let initialised = false
  let sequence = 0
  const pending = new Map()
  /** Every call: its name, the event as received and the outcome; and every line a function logged. */
  const calls = []
  const logs = []

  function instanceOf(name) {
    if (processes.has(name)) return processes.get(name)
    const child = fork(RUNNER, [functions[name].dir], { stdio: ['ignore', 'pipe', 'pipe', 'ipc'] })
    for (const stream of [child.stdout, child.stderr]) stream.on('data', (chunk) => logs.push(String(chunk)))
    child.on('message', ({ id, result, error }) => {
      const done = pending.get(id)
      if (done) done(error, result)
    })
    processes.set(name, child)
    return child
  }

  function invoke(options) {
    return new Promise((resolve, reject) => {
      const fail = (errCode, message) => reject({ errCode, errMsg: `cloud.callFunction:fail ${message}` })
      if (!initialised) return fail(-1, "Cloud API isn't enabled, please call wx.cloud.init first")
      const fn = functions[options.name]
      if (!fn)
        return fail(-501000, `Error: errCode: -501000 | errMsg: [ResourceNotFound.FunctionName] FunctionName parameter could not be found.`)
      const event = Object.assign({}, overJson(options.data || {}), { userInfo: { appId: 'wx-test-app', openId: 'o-test-user' } })
      const env = typeof fn.env === 'function' ? fn.env() : fn.env || {}
      const id = ++sequence
      const requestID = `req-${id}`
      const record = { name: options.name, event, env: (options.config && options.config.env) || 'default' }
      calls.push(record)
      const seconds = fn.timeoutSeconds || 3
      const timer = timers.setTimeout(() => {
        pending.delete(id)
        record.outcome = 'timeout'
        fail(-504003, `Error: errCode: -504003 | errMsg: Invoking task timed out after ${seconds} seconds`)
      }, seconds * 1000)
      pending.set(id, (error, result) => {
        pending.delete(id)
        timers.clearTimeout(timer)
        if (error) {
          record.outcome = 'error'
          return fail(-504002, `Error: errCode: -504002 functions execute fail | errMsg: ${error}`)
        }
        record.outcome = result
        resolve({ result: overJson(result), requestID, errMsg: 'cloud.callFunction:ok' })
      })
      instanceOf(options.name).send({ id, event, env })
    })
  }

  return {
    init() {
      initialised = true
    },
    callFunction(options) {
      const promise = invoke(options)
      if (typeof options.success !== 'function' && typeof options.fail !== 'function') return promise
      // WeChat calls back on a later turn, a callback's throw is reported, never propagated.
      promise.then(
        (outcome) => timers.setImmediate(() => safeCall(options.success, outcome)),
        (failure) => timers.setImmediate(() => safeCall(options.fail, failure)),
      )
    },
    /** Test hooks: what was called and logged, and the instances to stop. */
    __calls: calls,
    __logs: logs,
    __close() {
      for (const child of processes.values()) child.kill()
      processes.clear()
    },
  }
}

module.exports = { createCloud }
