'use strict'

/**
 * A stand-in for the Alipay mini-program `my` object, for Node: `my.request` does real HTTP in the
 * shapes Alipay documents (opendocs.alipay.com/mini/api/owycmh and the typings of @mini-types/alipay),
 * and storage keeps values in a Map the way `my.getStorageSync({ key })` hands them back.
 *
 * Every API is an own enumerable property (Taro copies `Object.keys(my)`); test hooks are own,
 * non-enumerable properties prefixed `__`.
 */

const http = require('http')
const https = require('https')
const { installRequest } = require('./request')

/**
 * @param {object} [options]
 * @param {string[]} [options.allowedDomains] `host[:port]` list (the 服务器域名白名单); other hosts fail with error 11.
 */
function createMy(options = {}) {
  const agents = { http: new http.Agent({ keepAlive: false }), https: new https.Agent({ keepAlive: false }) }
  /** @type {any} */
  const my = {}
  const hook = (name, value) => Object.defineProperty(my, name, { value, writable: true, enumerable: false, configurable: true })
  hook('__requests', [])
  hook('__storage', new Map())
  hook('__callbackErrors', [])

  installRequest(my, { options, agents })

  // Alipay's synchronous storage takes an object and answers `{ data }` (null for a missing key).
  my.getStorageSync = ({ key }) => ({ data: my.__storage.has(key) ? my.__storage.get(key) : null })
  my.setStorageSync = ({ key, data }) => {
    my.__storage.set(key, data)
    return { success: true }
  }
  my.removeStorageSync = ({ key }) => {
    my.__storage.delete(key)
    return { success: true }
  }
  my.canIUse = (name) => typeof my[String(name).split('.')[0]] === 'function'
  return my
}

module.exports = { createMy }
