// What the relay may carry, read from the cloud function's environment variables (云函数 → 版本与配置 →
// 环境变量). Nothing is allowed until RELAY_ORIGINS is set: the relay is never an open proxy.

/** Headers a functions call sends; any other `x-` header too, but none that claims to say who the client is. */
const ALLOWED_HEADERS = ['authorization', 'apikey', 'content-type', 'accept', 'accept-language', 'x-client-info', 'x-region', 'prefer']
const FORBIDDEN_X_HEADERS = /^x-(forwarded-|real-ip$|original-|wx-)/
/** The URL and headers at most: what Node and most servers accept (a server may drop a larger request unanswered). */
const MAX_HEAD_BYTES = 16 * 1024

const list = (value, fallback) =>
  String(value || fallback)
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean)

/** `https://ABCD.supabase.co/` as a URL's origin says it (`https://abcd.supabase.co`); anything else as written, so it matches nothing. */
function originOf(text) {
  try {
    return new URL(text).origin
  } catch {
    return text
  }
}

const number = (value, fallback) => (Number(value) > 0 ? Number(value) : fallback)

/** The relay's rules from `env` (process.env on CloudBase). */
function readPolicy(env) {
  return {
    origins: list(env.RELAY_ORIGINS, '').map(originOf),
    paths: list(env.RELAY_PATHS, '/functions/v1/,/auth/v1/token'),
    methods: list(env.RELAY_METHODS, 'GET,POST,PUT,PATCH,DELETE').map((method) => method.toUpperCase()),
    extraHeaders: list(env.RELAY_HEADERS, '').map((name) => name.toLowerCase()),
    maxRequestBytes: number(env.RELAY_MAX_REQUEST_BYTES, 100 * 1024),
    maxAnswerBytes: number(env.RELAY_MAX_ANSWER_BYTES, 1024 * 1024),
    // Below the function's own time limit (set it to 20 s in the console): the relay answers first, typed.
    timeoutMs: number(env.RELAY_TIMEOUT_MS, 15000),
  }
}

class Refusal extends Error {
  constructor(code, message) {
    super(message)
    this.code = code
  }
}

function headerAllowed(name, policy) {
  if (ALLOWED_HEADERS.includes(name) || policy.extraHeaders.includes(name)) return true
  return name.startsWith('x-') && !FORBIDDEN_X_HEADERS.test(name)
}

/** The request to make, checked against the policy; throws a Refusal saying what is not allowed. */
function checkRequest(event, policy) {
  if (!policy.origins.length) {
    throw new Refusal('NOT_CONFIGURED', 'set RELAY_ORIGINS (e.g. https://<ref>.supabase.co) in this cloud function’s environment variables')
  }
  if (!event || event.mpFunctionsRelay !== 1 || typeof event.url != 'string' || typeof event.method != 'string') {
    throw new Refusal('BAD_REQUEST', 'not an mp-functions relay request (version 1)')
  }
  let url
  try {
    url = new URL(event.url)
  } catch {
    throw new Refusal('BAD_REQUEST', 'the url is not absolute')
  }
  if (!policy.origins.includes(url.origin)) throw new Refusal('ORIGIN_NOT_ALLOWED', `${url.origin} is not in RELAY_ORIGINS`)
  if (url.username || url.password) throw new Refusal('BAD_REQUEST', 'the url carries credentials')
  if (!policy.paths.some((path) => url.pathname.startsWith(path))) {
    throw new Refusal('PATH_NOT_ALLOWED', `${url.pathname} is not under RELAY_PATHS (${policy.paths.join(', ')})`)
  }
  const method = event.method.toUpperCase()
  if (!policy.methods.includes(method)) throw new Refusal('METHOD_NOT_ALLOWED', `${method} is not in RELAY_METHODS`)

  const headers = {}
  const given = event.headers && typeof event.headers == 'object' ? event.headers : {}
  for (const name of Object.keys(given)) {
    const lower = name.toLowerCase()
    const value = given[name]
    if (!headerAllowed(lower, policy)) throw new Refusal('HEADER_NOT_ALLOWED', `header ${lower} is not allowed (add it to RELAY_HEADERS)`)
    if (typeof value != 'string' || /[\r\n\0]/.test(value)) throw new Refusal('BAD_REQUEST', `header ${lower} is not a one-line string`)
    headers[lower] = value
  }
  const headBytes = Object.keys(headers).reduce((size, name) => size + name.length + Buffer.byteLength(headers[name]) + 4, event.url.length)
  if (headBytes > MAX_HEAD_BYTES) {
    throw new Refusal('REQUEST_TOO_LARGE', `the URL and headers are ${headBytes} bytes, over ${MAX_HEAD_BYTES}`)
  }

  let body
  if (typeof event.bodyBase64 == 'string') body = Buffer.from(event.bodyBase64, 'base64')
  else if (typeof event.body == 'string') body = Buffer.from(event.body, 'utf8')
  if (body && body.length > policy.maxRequestBytes) {
    throw new Refusal('REQUEST_TOO_LARGE', `the body is ${body.length} bytes, over RELAY_MAX_REQUEST_BYTES (${policy.maxRequestBytes})`)
  }
  const callTimeout = Number(event.timeout) > 0 ? Number(event.timeout) : Infinity
  return { url, method, headers, body, timeoutMs: Math.min(callTimeout, policy.timeoutMs) }
}

module.exports = { readPolicy, checkRequest, Refusal }
