'use strict'
// How WeChat calls back: on a later turn, with a callback's throw reported (never propagated), and a
// Promise when no callback is given.
const timers = require('timers')

/** The callback helpers of one fake `wx`, which records callback errors in `wx.__callbackErrors`. */
function createCallbacks(wx) {
  /** Surface an exception thrown by a user callback without breaking delivery. */
  function reportCallbackError(err) {
    wx.__callbackErrors.push(err)
    const listeners = (wx.__listeners.error || []).slice()
    if (listeners.length) {
      const msg = err && err.stack ? String(err.stack) : String(err)
      listeners.forEach((fn) => fn(msg))
    } else {
      timers.setTimeout(() => {
        throw err
      }, 0)
    }
  }

  /** Call `fn(arg)` if it is a function, reporting (not propagating) throws. */
  function safeCall(fn, arg) {
    if (typeof fn !== 'function') return
    try {
      fn(arg)
    } catch (err) {
      reportCallbackError(err)
    }
  }

  /**
   * WeChat-style async API: callbacks run on a later turn; with no
   * success/fail/complete given, a Promise is returned instead.
   * @param {string} name API name used in errMsg
   * @param {(o: any) => object} handler returns the success payload, or
   *   `{ __fail: 'reason' }` to fail (a throw also fails).
   */
  function makeAsync(name, handler) {
    return (opts) => {
      const o = opts || {}
      const wantsPromise = typeof o.success !== 'function' && typeof o.fail !== 'function' && typeof o.complete !== 'function'
      let outcome
      try {
        outcome = handler(o)
      } catch (e) {
        outcome = { __fail: e && e.message ? e.message : String(e) }
      }
      const ok = !(outcome && outcome.__fail !== undefined)
      const result = ok ? Object.assign({ errMsg: name + ':ok' }, outcome) : { errMsg: name + ':fail ' + outcome.__fail }
      const deliver = () => {
        safeCall(ok ? o.success : o.fail, result)
        safeCall(o.complete, result)
      }
      if (!wantsPromise) {
        timers.setImmediate(deliver)
        return undefined
      }
      return new Promise((resolve, reject) => {
        timers.setImmediate(() => (ok ? resolve(result) : reject(result)))
      })
    }
  }

  return { reportCallbackError, safeCall, makeAsync }
}

/** @param {Function[]} list @param {Function} [fn] remove fn, or all when omitted */
function remove(list, fn) {
  if (fn === undefined) list.length = 0
  else {
    const i = list.indexOf(fn)
    if (i !== -1) list.splice(i, 1)
  }
}

module.exports = { createCallbacks, remove }
