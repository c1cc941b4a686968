'use strict'
// UI, navigation and other stubs: each call is recorded (`wx.__ui`, `wx.__navigations`) and succeeds.
const timers = require('timers')

/** Adds the UI, navigation and misc stubs. */
function installUi(wx, { makeAsync, safeCall }) {
  const recorded = (log, api, extra) =>
    makeAsync(api, (o) => {
      wx[log].push({ api, options: o })
      return extra ? extra(o) : {}
    })
  wx.showToast = recorded('__ui', 'showToast')
  wx.hideToast = recorded('__ui', 'hideToast')
  wx.showLoading = recorded('__ui', 'showLoading')
  wx.hideLoading = recorded('__ui', 'hideLoading')
  wx.showModal = recorded('__ui', 'showModal', () => ({ confirm: true, cancel: false, content: null }))
  wx.showActionSheet = recorded('__ui', 'showActionSheet', () => ({ tapIndex: 0 }))
  wx.setNavigationBarTitle = recorded('__ui', 'setNavigationBarTitle')
  wx.stopPullDownRefresh = recorded('__ui', 'stopPullDownRefresh')
  wx.navigateTo = recorded('__navigations', 'navigateTo')
  wx.redirectTo = recorded('__navigations', 'redirectTo')
  wx.switchTab = recorded('__navigations', 'switchTab')
  wx.reLaunch = recorded('__navigations', 'reLaunch')
  wx.navigateBack = recorded('__navigations', 'navigateBack')

  wx.nextTick = (fn) => setTimeout(fn, 0)
  wx.reportAnalytics = () => {}

  wx.createSelectorQuery = () => {
    const query = {
      in: () => query,
      select: () => nodesRef,
      selectAll: () => nodesRef,
      selectViewport: () => nodesRef,
      exec: (cb) => {
        timers.setImmediate(() => safeCall(cb, []))
        return query
      },
    }
    const nodesRef = {
      boundingClientRect: () => query,
      scrollOffset: () => query,
      fields: () => query,
      node: () => query,
      context: () => query,
    }
    return query
  }

  wx.getUpdateManager = () => ({
    onCheckForUpdate: (fn) => {
      timers.setImmediate(() => safeCall(fn, { hasUpdate: false }))
    },
    onUpdateReady: () => {},
    onUpdateFailed: () => {},
    applyUpdate: () => {},
  })
}

module.exports = { installUi }
