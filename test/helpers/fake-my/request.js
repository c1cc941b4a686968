'use strict'
// my.request over real HTTP (node's http/https), in the shapes Alipay documents: the request headers in
// `headers` (default content-type application/json), `dataType` json/text/base64/arraybuffer (no
// `responseType`, no `enableChunked`), 2xx answers to `success` as `{ data, status, headers }`, other
// statuses to `fail` as `{ error: 19, errorMessage: 'http status error', status, headers, data }`, and
// the numbered failures: 11 domain not allowed, 12 network, 13 timeout, 14 body not parseable as asked.
const http = require('http')
const https = require('https')
const timers = require('timers')
const { URL } = require('url')
const { isArrayBuffer, toArrayBuffer, dataKind, encodeQuery, findHeader } = require('../fake-wx/wire')

const METHODS = ['GET', 'POST', 'PUT', 'DELETE', 'OPTIONS', 'HEAD', 'TRACE', 'CONNECT']
const DEFAULT_TIMEOUT = 30000
const FORM = 'application/x-www-form-urlencoded'

/** Response headers as a plain object, names lower-cased (as they reach Alipay's layers), repeats joined. */
function headersOf(raw) {
  const out = {}
  for (let i = 0; i < raw.length; i += 2) {
    const name = raw[i].toLowerCase()
    out[name] = out[name] === undefined ? raw[i + 1] : out[name] + ', ' + raw[i + 1]
  }
  return out
}

/** The body as `dataType` asks for it, or the failure Alipay reports when it cannot be made so. */
function formatBody(buffer, dataType) {
  if (dataType === 'base64') return { data: buffer.toString('base64') }
  if (dataType === 'arraybuffer') return { data: toArrayBuffer(buffer) }
  // 'text' decodes UTF-8, each ill-formed byte becoming U+FFFD: binary answers do not survive it.
  const text = buffer.toString('utf8')
  if (dataType !== 'json') return { data: text }
  try {
    return { data: text === '' ? '' : JSON.parse(text) }
  } catch (_) {
    return { failure: { error: 14, errorMessage: 'JSON parse data error' } }
  }
}

/** The bytes sent for `data`, and the address with a GET's data as its query. */
function encodeData(data, method, headers, url) {
  if (data === undefined || data === null) return { url, body: null }
  if (isArrayBuffer(data)) return { url, body: Buffer.from(data) }
  if (typeof data === 'string') return { url, body: Buffer.from(data, 'utf8') }
  if (method === 'GET') {
    const query = encodeQuery(data)
    return { url: query ? url + (url.indexOf('?') === -1 ? '?' : '&') + query : url, body: null }
  }
  const type = String(findHeader(headers, 'content-type')).toLowerCase()
  return { url, body: Buffer.from(type.indexOf(FORM) !== -1 ? encodeQuery(data) : JSON.stringify(data), 'utf8') }
}

/** Adds `my.request`. */
function installRequest(my, { options, agents }) {
  const allowed = options.allowedDomains ? options.allowedDomains.map((domain) => String(domain).toLowerCase()) : null

  my.request = function request(opts) {
    const o = opts || {}
    const url = String(o.url)
    const method = (typeof o.method === 'string' && o.method ? o.method : 'GET').toUpperCase()
    const dataType = o.dataType === undefined ? 'json' : o.dataType
    const timeout = typeof o.timeout === 'number' && o.timeout > 0 ? o.timeout : DEFAULT_TIMEOUT
    // Alipay reads `headers`; a `header` option is not part of my.request's documented shape.
    const given = o.headers && typeof o.headers === 'object' ? o.headers : {}
    const headers = findHeader(given, 'content-type') === undefined ? { 'content-type': 'application/json' } : {}
    for (const name of Object.keys(given)) headers[name] = String(given[name])
    my.__requests.push({ url, method, headers: Object.assign({}, headers), dataType, timeout, dataKind: dataKind(o.data), options: o })

    const headerListeners = []
    let settled = false
    let req = null
    let timer = null
    const finish = (ok, result) => {
      if (settled) return
      settled = true
      if (timer) timers.clearTimeout(timer)
      timers.setImmediate(() => {
        for (const callback of [ok ? o.success : o.fail, o.complete]) {
          if (typeof callback !== 'function') continue
          try {
            callback(result)
          } catch (error) {
            my.__callbackErrors.push(error)
          }
        }
      })
    }
    const fail = (error, errorMessage, extra) => finish(false, Object.assign({ error, errorMessage }, extra))
    const networkError = () => {
      if (req) req.destroy()
      fail(12, '网络出错')
    }

    const task = {
      abort() {
        if (settled) return
        if (req) req.destroy()
        // Not documented: what `fail` gets after abort(). The client has stopped listening by then.
        fail(9, 'abort')
      },
      onHeadersReceived(listener) {
        if (typeof listener === 'function') headerListeners.push(listener)
      },
      offHeadersReceived(listener) {
        const index = headerListeners.indexOf(listener)
        if (index !== -1) headerListeners.splice(index, 1)
      },
    }

    if (METHODS.indexOf(method) === -1) {
      fail(2, 'invalid method')
      return task
    }
    let target = null
    try {
      target = /^https?:\/\//i.test(url) ? new URL(url) : null
    } catch (_) {
      target = null
    }
    if (!target) {
      fail(2, 'invalid url')
      return task
    }
    if (allowed && allowed.indexOf(target.host.toLowerCase()) === -1) {
      fail(11, '无权跨域')
      return task
    }
    const encoded = encodeData(o.data, method, headers, url)
    const wireHeaders = Object.assign({}, headers)
    if (encoded.body) wireHeaders['content-length'] = String(encoded.body.byteLength)

    // Deferred one turn, so that an abort() right after the call sends nothing.
    timers.setImmediate(() => {
      if (settled) return
      const address = new URL(encoded.url)
      const secure = address.protocol === 'https:'
      timer = timers.setTimeout(() => {
        if (req) req.destroy()
        fail(13, '超时')
      }, timeout)
      try {
        req = (secure ? https : http).request(address, { method, headers: wireHeaders, agent: secure ? agents.https : agents.http })
      } catch (_) {
        // A header Node refuses to send (a character outside Latin-1, say): the request never leaves.
        return networkError()
      }
      req.on('error', () => !settled && networkError())
      req.on('response', (res) => {
        const responseHeaders = headersOf(res.rawHeaders)
        for (const listener of headerListeners.slice()) listener({ headers: responseHeaders })
        const parts = []
        let ended = false
        res.on('data', (part) => parts.push(part))
        res.on('error', () => !settled && networkError())
        res.on('end', () => {
          ended = true
          if (settled) return
          if (!res.complete) return networkError()
          const formatted = formatBody(Buffer.concat(parts), dataType)
          if (formatted.failure) return fail(formatted.failure.error, formatted.failure.errorMessage)
          const answer = { data: formatted.data, status: res.statusCode, headers: responseHeaders }
          if (res.statusCode >= 200 && res.statusCode < 300) finish(true, answer)
          else fail(19, 'http status error', answer)
        })
        res.on('close', () => !ended && !settled && networkError())
      })
      req.end(encoded.body || undefined)
    })
    return task
  }
}

module.exports = { installRequest }
