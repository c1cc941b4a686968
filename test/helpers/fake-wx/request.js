'use strict'
// wx.request over real HTTP (node's http/https), as WeChat documents it: the method list, the default
// content-type, body encoding, dataType/responseType, the RequestTask, chunked streaming, timeout,
// abort, and the errMsg/errno shapes of its failures.
const http = require('http')
const https = require('https')
const timers = require('timers')
const { URL } = require('url')
const { remove } = require('./callbacks')
const { isArrayBuffer, toArrayBuffer, dataKind, encodeQuery, findHeader, headersFromRaw } = require('./wire')

const METHODS = ['OPTIONS', 'GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'TRACE', 'CONNECT']
const DEFAULT_TIMEOUT = 60000
const FORM = 'application/x-www-form-urlencoded'

/**
 * Where the platforms that copied wx.request differ from it, as their docs say (`options.platform`).
 * `chunks`: the task has onHeadersReceived/onChunkReceived and `enableChunked` is an option (none of the
 * others documents it). `bufferData`: `data` may be an ArrayBuffer (swan.request takes an object or a
 * string and turns anything else into a string). `errorNumber`: the field a failure's number is in.
 */
const PLATFORMS = {
  wx: { chunks: true, bufferData: true, errorNumber: 'errno' },
  qq: { chunks: false, bufferData: true, errorNumber: 'errno' },
  jd: { chunks: false, bufferData: true, errorNumber: 'errno' },
  tt: { chunks: false, bufferData: true, errorNumber: 'errNo' },
  swan: { chunks: false, bufferData: false, errorNumber: 'errCode' },
}

/**
 * Adds `wx.request`. `active` holds a cut function per request in flight (for `__interrupt`); `agents`
 * are the http/https agents (keepAlive as the options say).
 */
function installRequest(wx, { options, active, agents, safeCall }) {
  const allowed = options.allowedDomains ? options.allowedDomains.map((d) => String(d).toLowerCase()) : null
  const platform = PLATFORMS[options.platform || 'wx']

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
    const chunked = platform.chunks && !!o.enableChunked && !options.noChunked
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
    const fail = (errMsg, errno) => finish(false, errno === undefined ? { errMsg } : { errMsg, [platform.errorNumber]: errno })
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
    }
    if (platform.chunks) {
      Object.assign(task, {
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
      })
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
      if (isArrayBuffer(data) && !platform.bufferData) body = Buffer.from(JSON.stringify(data), 'utf8')
      else if (isArrayBuffer(data)) body = Buffer.from(data)
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
        // Pieces held back to be delivered together (`mergeChunks`: iOS and Android sometimes merge two).
        const pending = []
        const deliver = () => {
          if (!pending.length) return
          const evt = { data: toArrayBuffer(Buffer.concat(pending.splice(0))) }
          chunkListeners.slice().forEach((fn) => safeCall(fn, evt))
        }
        res.on('data', (chunk) => {
          if (settled) return
          if (chunked) {
            pending.push(chunk)
            if (pending.length >= (options.mergeChunks || 1)) deliver()
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
          deliver()
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
}

module.exports = { installRequest }
