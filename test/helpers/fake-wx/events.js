'use strict'
// App-level events (onAppShow, onError, …): listeners are kept in `wx.__listeners[event]`.
const { remove } = require('./callbacks')

/** Adds the on/off pairs of the app-level events, and getNetworkType. */
function installEvents(wx, { makeAsync }) {
  /** Adds `on<Event>` / `off<Event>` pairs storing listeners in `wx.__listeners[event]`. */
  const events = {
    AppShow: 'appShow',
    AppHide: 'appHide',
    Error: 'error',
    UnhandledRejection: 'unhandledRejection',
    PageNotFound: 'pageNotFound',
    ThemeChange: 'themeChange',
    MemoryWarning: 'memoryWarning',
    NetworkStatusChange: 'networkStatusChange',
  }
  for (const suffix of Object.keys(events)) {
    const name = events[suffix]
    wx['on' + suffix] = (fn) => {
      if (typeof fn !== 'function') return
      ;(wx.__listeners[name] = wx.__listeners[name] || []).push(fn)
    }
    wx['off' + suffix] = (fn) => {
      if (wx.__listeners[name]) remove(wx.__listeners[name], fn)
    }
  }

  wx.getNetworkType = makeAsync('getNetworkType', () => ({ networkType: 'wifi', signalStrength: 0, hasSystemProxy: false }))
}

module.exports = { installEvents }
