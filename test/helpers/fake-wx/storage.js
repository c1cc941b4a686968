'use strict'
// wx storage in memory: values are copied in and out (as WeChat serializes them), a missing key reads
// as '', and reads are counted in `wx.__storageReads`.

/** @param {unknown} v deep copy via JSON for objects; primitives as-is */
function copyValue(v) {
  return v !== null && typeof v === 'object' ? JSON.parse(JSON.stringify(v)) : v
}

/** Adds the storage APIs, sync and async, over `wx.__storage`. */
function installStorage(wx, { makeAsync }) {
  const checkKey = (api, key) => {
    if (typeof key !== 'string') throw new Error(api + ':fail parameter error: parameter.key should be String')
  }

  wx.getStorageSync = (key) => {
    wx.__storageReads++
    checkKey('getStorageSync', key)
    return wx.__storage.has(key) ? copyValue(wx.__storage.get(key)) : ''
  }
  wx.setStorageSync = (key, value) => {
    checkKey('setStorageSync', key)
    wx.__storage.set(key, copyValue(value))
  }
  wx.removeStorageSync = (key) => {
    checkKey('removeStorageSync', key)
    wx.__storage.delete(key)
  }
  wx.clearStorageSync = () => {
    wx.__storage.clear()
  }
  wx.getStorageInfoSync = () => ({ keys: Array.from(wx.__storage.keys()), currentSize: 0, limitSize: 10240 })

  const getStorage = makeAsync('getStorage', (o) => {
    checkKey('getStorage', o.key)
    if (!wx.__storage.has(o.key)) return { __fail: 'data not found' }
    return { data: copyValue(wx.__storage.get(o.key)) }
  })
  wx.getStorage = (o) => {
    wx.__storageReads++
    return getStorage(o)
  }
  wx.setStorage = makeAsync('setStorage', (o) => {
    checkKey('setStorage', o.key)
    wx.__storage.set(o.key, copyValue(o.data))
    return {}
  })
  wx.removeStorage = makeAsync('removeStorage', (o) => {
    checkKey('removeStorage', o.key)
    wx.__storage.delete(o.key)
    return {}
  })
  wx.clearStorage = makeAsync('clearStorage', () => {
    wx.__storage.clear()
    return {}
  })
  wx.getStorageInfo = makeAsync('getStorageInfo', () => wx.getStorageInfoSync())
}

module.exports = { installStorage }
