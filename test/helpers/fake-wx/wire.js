'use strict'
// What crosses the wire in the fake wx.request: bodies as bytes, queries, headers as WeChat hands them over.

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

module.exports = { isArrayBuffer, toArrayBuffer, dataKind, encodeQuery, findHeader, headersFromRaw }
