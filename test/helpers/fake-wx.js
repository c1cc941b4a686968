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
const timers = require('timers')
const { URL } = require('url')

const METHODS = ['OPTIONS', 'GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'TRACE', 'CONNECT']
const DEFAULT_TIMEOUT = 60000
const FORM = 'application/x-www-form-urlencoded'

/** @param {unknown} v */
function isArrayBuffer(v) {
  // Tag check rather than instanceof: works across realms (jest vm contexts).
  return Object.prototype.toString.call(v) === '[object ArrayBuffer]'
}

/**
 * Copy bytes into an ArrayBuffer of THIS module's realm, so callers running in
 * the same context (e.g. a jest test) see `data instanceof ArrayBuffer === true`.
 * @param {Buffer} buf
 * @returns {ArrayBuffer}
 */
function toArrayBuffer(buf) {
  const ab = new ArrayBuffer(buf.byteLength)
  new Uint8Array(ab).set(buf)
  return ab
}

/** @param {unknown} data */
function dataKind(data) {
  if (data === undefined || data === null) return 'none'
  if (isArrayBuffer(data)) return 'arraybuffer'
  if (typeof data === 'string') return 'string'
  return 'object'
}

/**
 * `a=1&b=2` from an object's own keys. Undefined values are skipped; object
 * values are JSON-encoded.
 * @param {Record<string, unknown>} obj
 */
function encodeQuery(obj) {
  return Object.keys(obj)
    .filter((k) => obj[k] !== undefined)
    .map((k) => {
      const v = obj[k]
      const s = v !== null && typeof v === 'object' ? JSON.stringify(v) : String(v)
      return encodeURIComponent(k) + '=' + encodeURIComponent(s)
    })
    .join('&')
}

/**
 * Find a header value by case-insensitive name.
 * @param {Record<string, unknown>} headers
 * @param {string} name
 */
function findHeader(headers, name) {
  const lower = name.toLowerCase()
  const key = Object.keys(headers).find((k) => k.toLowerCase() === lower)
  return key === undefined ? undefined : headers[key]
}

/**
 * Plain header object with the server's original name casing; repeated headers
 * (matched case-insensitively) are joined with ', '.
 * @param {string[]} raw `res.rawHeaders`
 */
function headersFromRaw(raw) {
  /** @type {Record<string, string>} */
  const out = {}
  /** @type {Record<string, string>} */
  const seen = {}
  for (let i = 0; i < raw.length; i += 2) {
    const name = raw[i]
    const lower = name.toLowerCase()
    if (seen[lower] === undefined) {
      seen[lower] = name
      out[name] = raw[i + 1]
    } else {
      out[seen[lower]] += ', ' + raw[i + 1]
    }
  }
  return out
}

/** @param {unknown} v deep copy via JSON for objects; primitives as-is */
function copyValue(v) {
  return v !== null && typeof v === 'object' ? JSON.parse(JSON.stringify(v)) : v
}

/**
 * Create a fresh fake `wx`.
 *
 * @param {object} [options]
 * @param {string[]} [options.allowedDomains] `host[:port]` list; other hosts fail
 *   with `request:fail url not in domain list` (errno 600002) and no network I/O.
 * @param {boolean} [options.noChunked] emulate an old base library: `enableChunked` is ignored.
 * @param {boolean} [options.keepAlive] reuse connections (default false: one connection per request).
 * @param {import('https').AgentOptions} [options.agentOptions] extra agent options (e.g. `rejectUnauthorized`).
 * @param {Record<string, unknown>} [options.systemInfo] overrides merged into `getSystemInfoSync()`.
 */
function createWx(options = {}) {
  const allowed = options.allowedDomains ? options.allowedDomains.map((d) => String(d).toLowerCase()) : null
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

  /* ------------------------------------------------------------------ */
  /* request                                                             */
  /* ------------------------------------------------------------------ */

  /**
   * @param {object} opts see WeChat `wx.request`
   * @returns {object} RequestTask
   */
  wx.request = function request(opts) {
    const o = opts || {}
    const url = typeof o.url === 'string' ? o.url : String(o.url)
    const method = (typeof o.method === 'string' && o.method ? o.method : 'GET').toUpperCase()
    const dataType = o.dataType === undefined ? 'json' : o.dataType
    const responseType = o.responseType === undefined ? 'text' : o.responseType
    const chunked = !!o.enableChunked && !options.noChunked
    const timeout = typeof o.timeout === 'number' && o.timeout > 0 ? o.timeout : DEFAULT_TIMEOUT
    const callerHeader = o.header && typeof o.header === 'object' ? Object.assign({}, o.header) : {}

    wx.__requests.push({
      url,
      method,
      header: Object.assign({}, callerHeader),
      dataType,
      responseType,
      enableChunked: !!o.enableChunked,
      timeout,
      dataKind: dataKind(o.data),
      data: o.data,
    })
    wx.__inFlight++
    wx.__maxInFlight = Math.max(wx.__maxInFlight, wx.__inFlight)

    const headerListeners = []
    const chunkListeners = []
    let settled = false
    /** @type {import('http').ClientRequest | null} */
    let req = null
    /** @type {NodeJS.Timeout | null} */
    let timer = null

    /** Settle exactly once; callbacks run on a later turn. */
    function finish(ok, result) {
      if (settled) return
      settled = true
      active.delete(interrupt)
      if (timer) timers.clearTimeout(timer)
      timers.setImmediate(() => {
        wx.__inFlight--
        safeCall(ok ? o.success : o.fail, result)
        safeCall(o.complete, result)
      })
    }
    const fail = (errMsg, errno) => finish(false, errno === undefined ? { errMsg } : { errMsg, errno })
    const interrupt = () => {
      if (req) req.destroy()
      fail('request:fail interrupted')
    }
    active.add(interrupt)
    const failNet = (err) => {
      if (req) req.destroy()
      fail('request:fail ' + ((err && (err.code || err.message)) || 'network error'), 600001)
    }

    const task = {
      /** Cancel the request; a no-op once it has completed. */
      abort() {
        if (settled) return
        if (req) req.destroy()
        fail('request:fail abort', 1)
      },
      onHeadersReceived(fn) {
        if (typeof fn === 'function') headerListeners.push(fn)
      },
      offHeadersReceived(fn) {
        remove(headerListeners, fn)
      },
      onChunkReceived(fn) {
        if (typeof fn === 'function') chunkListeners.push(fn)
      },
      offChunkReceived(fn) {
        remove(chunkListeners, fn)
      },
    }

    // --- validation (no network I/O on failure) ---
    if (METHODS.indexOf(method) === -1) {
      fail('request:fail method is invalid')
      return task
    }
    /** @type {URL | null} */
    let parsed = null
    if (/^https?:\/\//i.test(url)) {
      try {
        parsed = new URL(url)
      } catch (_) {
        parsed = null
      }
    }
    if (!parsed) {
      fail('request:fail invalid url "' + url + '"')
      return task
    }
    if (allowed && allowed.indexOf(parsed.host.toLowerCase()) === -1) {
      fail('request:fail url not in domain list', 600002)
      return task
    }

    // --- body / URL ---
    const wireHeaders = Object.assign({}, callerHeader)
    for (const k of Object.keys(wireHeaders)) {
      if (wireHeaders[k] === undefined || wireHeaders[k] === null) delete wireHeaders[k]
      else if (!Array.isArray(wireHeaders[k])) wireHeaders[k] = String(wireHeaders[k])
    }
    if (findHeader(wireHeaders, 'content-type') === undefined) wireHeaders['content-type'] = 'application/json'

    let finalUrl = url
    /** @type {Buffer | null} */
    let body = null
    const data = o.data
    if (data !== undefined && data !== null) {
      if (isArrayBuffer(data)) body = Buffer.from(data)
      else if (typeof data === 'string') body = Buffer.from(data, 'utf8')
      else if (typeof data === 'object' && (method === 'GET' || method === 'HEAD')) {
        const qs = encodeQuery(data)
        if (qs) finalUrl += (finalUrl.indexOf('?') === -1 ? '?' : '&') + qs
      } else if (typeof data === 'object') {
        const ct = String(findHeader(wireHeaders, 'content-type')).toLowerCase()
        body = Buffer.from(ct.indexOf(FORM) !== -1 ? encodeQuery(data) : JSON.stringify(data), 'utf8')
      } else {
        body = Buffer.from(String(data), 'utf8')
      }
    }
    if (body && findHeader(wireHeaders, 'content-length') === undefined) {
      wireHeaders['Content-Length'] = String(body.byteLength)
    }

    // --- network (deferred one turn so a synchronous abort sends nothing) ---
    timers.setImmediate(() => {
      if (settled) return
      const target = new URL(finalUrl)
      const isHttps = target.protocol === 'https:'
      timer = timers.setTimeout(() => {
        if (req) req.destroy()
        fail('request:fail timeout', 5)
      }, timeout)
      try {
        req = (isHttps ? https : http).request(target, {
          method,
          headers: wireHeaders,
          agent: isHttps ? agents.https : agents.http,
        })
      } catch (err) {
        failNet(err)
        return
      }
      req.on('error', (err) => {
        if (!settled) failNet(err)
      })
      req.on('response', (res) => {
        const header = headersFromRaw(res.rawHeaders)
        headerListeners.slice().forEach((fn) => safeCall(fn, { statusCode: res.statusCode, header, cookies: [] }))
        /** @type {Buffer[]} */
        const parts = []
        let ended = false
        res.on('data', (chunk) => {
          if (settled) return
          if (chunked) {
            const evt = { data: toArrayBuffer(chunk) }
            chunkListeners.slice().forEach((fn) => safeCall(fn, evt))
          } else {
            parts.push(chunk)
          }
        })
        res.on('error', (err) => {
          if (!settled) failNet(err)
        })
        res.on('end', () => {
          ended = true
          if (settled) return
          if (!res.complete) {
            failNet({ code: 'ECONNRESET' })
            return
          }
          const buf = Buffer.concat(parts)
          let out
          if (responseType === 'arraybuffer') {
            out = toArrayBuffer(buf)
          } else {
            out = buf.toString('utf8')
            if (dataType === 'json') {
              try {
                out = JSON.parse(out)
              } catch (_) {
                /* WeChat keeps the raw string */
              }
            }
          }
          finish(true, { statusCode: res.statusCode, header, data: out, cookies: [], errMsg: 'request:ok' })
        })
        res.on('close', () => {
          if (!ended && !settled) failNet({ code: 'ECONNRESET' })
        })
      })
      if (body) req.end(body)
      else req.end()
    })

    return task
  }

  /** @param {Function[]} list @param {Function} [fn] remove fn, or all when omitted */
  function remove(list, fn) {
    if (fn === undefined) list.length = 0
    else {
      const i = list.indexOf(fn)
      if (i !== -1) list.splice(i, 1)
    }
  }

  /* ------------------------------------------------------------------ */
  /* storage                                                             */
  /* ------------------------------------------------------------------ */

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

  /* ------------------------------------------------------------------ */
  /* system / app info                                                   */
  /* ------------------------------------------------------------------ */

  const safeArea = { left: 0, right: 375, top: 44, bottom: 778, width: 375, height: 734 }
  const windowInfo = () => ({
    pixelRatio: 2,
    screenWidth: 375,
    screenHeight: 812,
    windowWidth: 375,
    windowHeight: 812,
    statusBarHeight: 44,
    safeArea: Object.assign({}, safeArea),
    screenTop: 0,
  })
  const deviceInfo = () => ({
    abi: 'arm64',
    benchmarkLevel: 1,
    brand: 'devtools',
    model: 'iPhone 15',
    system: 'iOS 17.0',
    platform: 'devtools',
    memorySize: 8192,
  })
  const appBaseInfo = () => ({
    SDKVersion: '3.5.0',
    enableDebug: false,
    host: { appId: 'wxtest' },
    language: 'zh_CN',
    version: '8.0.50',
    theme: 'light',
    fontSizeSetting: 16,
  })
  const systemSetting = () => ({
    bluetoothEnabled: true,
    locationEnabled: true,
    wifiEnabled: true,
    deviceOrientation: 'portrait',
  })
  const authorizeSetting = () => ({
    albumAuthorized: 'authorized',
    bluetoothAuthorized: 'authorized',
    cameraAuthorized: 'authorized',
    locationAuthorized: 'authorized',
    locationReducedAccuracy: false,
    microphoneAuthorized: 'authorized',
    notificationAuthorized: 'authorized',
    phoneCalendarAuthorized: 'authorized',
  })

  wx.getSystemInfoSync = () =>
    Object.assign(
      {},
      deviceInfo(),
      appBaseInfo(),
      windowInfo(),
      systemSetting(),
      authorizeSetting(),
      { fontSizeSetting: 16 },
      options.systemInfo || {},
    )
  wx.getSystemInfo = makeAsync('getSystemInfo', () => wx.getSystemInfoSync())
  wx.getSystemInfoAsync = wx.getSystemInfo
  wx.getWindowInfo = windowInfo
  wx.getDeviceInfo = deviceInfo
  wx.getAppBaseInfo = appBaseInfo
  wx.getSystemSetting = systemSetting
  wx.getAppAuthorizeSetting = authorizeSetting
  wx.canIUse = () => true
  wx.getLaunchOptionsSync = () => ({ path: 'pages/index/index', query: {}, scene: 1001, referrerInfo: {} })
  wx.getEnterOptionsSync = () => ({ path: 'pages/index/index', query: {}, scene: 1001, referrerInfo: {} })
  wx.getAccountInfoSync = () => ({ miniProgram: { appId: 'wxtest', envVersion: 'develop', version: '' } })
  wx.getMenuButtonBoundingClientRect = () => ({ width: 87, height: 32, top: 48, right: 368, bottom: 80, left: 281 })
  wx.env = { USER_DATA_PATH: 'http://usr' }

  /* ------------------------------------------------------------------ */
  /* app-level events                                                    */
  /* ------------------------------------------------------------------ */

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

  /* ------------------------------------------------------------------ */
  /* UI, navigation and misc stubs                                       */
  /* ------------------------------------------------------------------ */

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

  return wx
}

module.exports = { createWx }
