'use strict'
// Local functions gateway: a tiny HTTP server imitating the Supabase functions relay,
// MemFire Cloud function URLs and the GoTrue token endpoint, for tests and demos.
const http = require('http')
const crypto = require('crypto')
const { signJwt, verifyJwt } = require('./jwt')
const functions = require('./functions')

const DEFAULT_JWT_SECRET = 'super-secret-jwt-token-with-at-least-32-characters-long'
const DEMO_EMAIL = 'demo@example.com'
const DEMO_PASSWORD = 'password'
const TEN_YEARS = 10 * 365 * 24 * 60 * 60
const DEFAULT_ALLOW_HEADERS = 'authorization, x-client-info, apikey, content-type, x-region'
const REFRESH_MODES = ['ok', 'reject', 'error500', 'drop', 'slow', 'ratelimit']

const INVALID_JWT = { code: 401, message: 'Invalid JWT' }
const SUPABASE_NOT_FOUND = { code: 'NOT_FOUND', message: 'Requested function was not found' }
const MEMFIRE_NOT_FOUND = { code: 404, msg: 'function not found' }
const NO_API_KEY = { message: 'No API key found in request' }
const REFRESH_NOT_FOUND = {
  code: 400,
  error_code: 'refresh_token_not_found',
  msg: 'Invalid Refresh Token: Refresh Token Not Found',
  error: 'invalid_grant',
  error_description: 'Invalid Refresh Token: Refresh Token Not Found',
}
const INVALID_CREDENTIALS = {
  error: 'invalid_grant',
  error_description: 'Invalid login credentials',
  code: 400,
  error_code: 'invalid_credentials',
  msg: 'Invalid login credentials',
}
const UNSUPPORTED_GRANT = {
  code: 400,
  error_code: 'validation_failed',
  msg: 'unsupported_grant_type',
  error: 'unsupported_grant_type',
  error_description: 'unsupported_grant_type',
}
const REFRESH_ALREADY_USED = {
  code: 400,
  error_code: 'refresh_token_already_used',
  msg: 'Invalid Refresh Token: Already Used',
  error: 'invalid_grant',
  error_description: 'Invalid Refresh Token: Already Used',
}
const RATE_LIMITED = { code: 429, error_code: 'over_request_rate_limit', msg: 'Request rate limit reached' }
const INTERNAL_ERROR = { code: 500, error_code: 'unexpected_failure', msg: 'Internal server error' }

const nowSeconds = () => Math.floor(Date.now() / 1000)

/** A stable uuid-shaped user id per email, so refreshed sessions keep the same user. */
function userIdFor(email) {
  const h = crypto.createHash('sha256').update(email).digest('hex')
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`
}

/** Which kind of URL this is: /functions/v1/<fn>/..., /auth/..., /<id>/<fn>/... */
function classify(pathname) {
  const seg = pathname.split('/').filter(Boolean)
  if (seg[0] === 'functions') {
    return seg[1] === 'v1' ? { route: 'supabase', fn: seg[2], sub: seg.slice(3).join('/') } : { route: 'other' }
  }
  if (seg[0] === 'auth') return { route: 'auth' }
  if (seg.length > 0) return { route: 'memfire', fn: seg[1], sub: seg.slice(2).join('/') }
  return { route: 'other' }
}

function firstValues(searchParams) {
  const query = {}
  for (const [key, value] of searchParams) if (!Object.hasOwn(query, key)) query[key] = value
  return query
}

function readBody(req) {
  return new Promise((resolve, reject) => {
    const chunks = []
    req.on('data', (chunk) => chunks.push(chunk))
    req.on('end', () => resolve(Buffer.concat(chunks)))
    req.on('error', reject)
  })
}

function bearerToken(headers) {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(headers.authorization || '')
  return match ? match[1] : undefined
}

/** Wait `ms`, resolving false early if the response closes (client went away). */
function waitUnlessClosed(ms, res) {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(true), ms)
    res.on('close', () => {
      clearTimeout(timer)
      resolve(false)
    })
  })
}

/**
 * Send a complete response. Object bodies become JSON; strings are UTF-8.
 * Header names are set as given so mixed casing survives on the wire.
 */
function send(res, status, body, headers = {}) {
  if (res.headersSent || res.destroyed) return
  for (const [name, value] of Object.entries(headers)) res.setHeader(name, value)
  let payload = null
  if (status !== 204 && status !== 304 && body !== undefined && body !== null) {
    if (Buffer.isBuffer(body)) payload = body
    else if (typeof body === 'string') payload = Buffer.from(body, 'utf8')
    else {
      payload = Buffer.from(JSON.stringify(body), 'utf8')
      if (!res.hasHeader('content-type')) res.setHeader('Content-Type', 'application/json; charset=utf-8')
    }
    res.setHeader('Content-Length', payload.length)
  }
  res.statusCode = status
  res.end(payload ?? undefined)
}

/**
 * Start the gateway.
 * @param {{ port?: number, host?: string, jwtSecret?: string, accessTokenTtl?: number }} [options]
 */
async function startGateway({ port = 0, host = '127.0.0.1', jwtSecret = DEFAULT_JWT_SECRET, accessTokenTtl = 3600 } = {}) {
  // Fixed (2023-11-14 to 2033-11-11), so the keys are the same on every start and demo builds can embed them.
  const iat = 1700000000
  const anonKey = signJwt({ iss: 'supabase-local', ref: 'local', role: 'anon', iat, exp: iat + TEN_YEARS }, jwtSecret)
  const serviceRoleKey = signJwt({ iss: 'supabase-local', ref: 'local', role: 'service_role', iat, exp: iat + TEN_YEARS }, jwtSecret)

  /** refresh token -> { email, sessionId, usedAt (ms, 0 if unused), child (the session it was exchanged for) } */
  const refreshTokens = new Map()
  const requests = []
  /** Per-gateway memory of the sample functions (e.g. fault/flaky counts). */
  const state = new Map()
  /** Requests being answered now, and the most at once since `resetInFlight()`. */
  const load = { inFlight: 0, maxInFlight: 0 }
  /** Orders arrivals and ends of requests exactly (times tie). */
  let seq = 0
  let refreshMode = 'ok'
  let refreshDelayMs = 300
  // GoTrue's security.refresh_token_reuse_interval: a used refresh token still answers, with the session
  // it was exchanged for, this long after its use (GoTrue's default is 10 s); later it is refused.
  let reuseIntervalMs = 0

  function issueSession({ expiresIn = accessTokenTtl, email = DEMO_EMAIL, sessionId = crypto.randomUUID() } = {}) {
    const issuedAt = nowSeconds()
    const user = { id: userIdFor(email), aud: 'authenticated', role: 'authenticated', email }
    const access_token = signJwt(
      { sub: user.id, role: 'authenticated', aud: 'authenticated', email, session_id: sessionId, iat: issuedAt, exp: issuedAt + expiresIn },
      jwtSecret,
    )
    const refresh_token = crypto.randomBytes(12).toString('base64url') // opaque, like GoTrue's
    refreshTokens.set(refresh_token, { email, sessionId, usedAt: 0, child: undefined })
    return { access_token, token_type: 'bearer', expires_in: expiresIn, expires_at: issuedAt + expiresIn, refresh_token, user }
  }

  async function runFunction(entry, res, sub, claims, notFound) {
    const handler = entry.fn !== undefined && Object.hasOwn(functions, entry.fn) ? functions[entry.fn] : undefined
    if (!handler) return send(res, 404, notFound)
    const ctx = { method: entry.method, path: entry.path, sub, query: entry.query, headers: entry.headers, body: entry.body, claims, state }
    const result = await handler(ctx, res)
    if (result) send(res, result.status ?? 200, result.body, result.headers)
  }

  async function handleAuth(entry, res) {
    const path = entry.path.replace(/\/+$/, '')
    const apikey = entry.headers.apikey
    if (apikey !== anonKey && apikey !== serviceRoleKey) return send(res, 401, NO_API_KEY)
    // What supabase-js calls besides the token endpoint: the user of a token, and signing out.
    if (path === '/auth/v1/user' && entry.method === 'GET') {
      const token = bearerToken(entry.headers)
      const claims = token ? verifyJwt(token, jwtSecret) : null
      if (!claims || claims.role !== 'authenticated') return send(res, 401, { code: 401, error_code: 'bad_jwt', msg: 'invalid JWT' })
      return send(res, 200, { id: claims.sub, aud: 'authenticated', role: 'authenticated', email: claims.email })
    }
    if (path === '/auth/v1/logout' && entry.method === 'POST') return send(res, 204, '')
    if (entry.method !== 'POST' || path !== '/auth/v1/token') {
      return send(res, 404, { code: 404, error_code: 'not_found', msg: 'Not found' })
    }
    let params = {}
    try {
      params = JSON.parse(entry.body.toString('utf8') || '{}') || {}
    } catch {
      return send(res, 400, { code: 400, error_code: 'bad_json', msg: 'Could not parse request body as JSON' })
    }
    const grantType = entry.query.grant_type

    if (grantType === 'password') {
      if (params.password !== DEMO_PASSWORD || typeof params.email !== 'string' || !params.email) {
        return send(res, 400, INVALID_CREDENTIALS)
      }
      return send(res, 200, issueSession({ email: params.email }))
    }

    if (grantType === 'refresh_token') {
      if (refreshMode === 'drop') return res.destroy()
      if (refreshMode === 'error500') return send(res, 500, INTERNAL_ERROR)
      if (refreshMode === 'reject') return send(res, 400, REFRESH_NOT_FOUND)
      if (refreshMode === 'ratelimit') return send(res, 429, RATE_LIMITED)
      if (refreshMode === 'slow' && !(await waitUnlessClosed(refreshDelayMs, res))) return
      // Looked up after any delay so concurrent refreshes with one token race like the real thing.
      const record = refreshTokens.get(params.refresh_token)
      if (!record) return send(res, 400, REFRESH_NOT_FOUND)
      if (record.usedAt) {
        // `<`, not `<=`: with no interval (0), a second use in the same millisecond is refused too.
        if (Date.now() - record.usedAt < reuseIntervalMs) return send(res, 200, record.child)
        return send(res, 400, REFRESH_ALREADY_USED)
      }
      record.usedAt = Date.now()
      record.child = issueSession({ email: record.email, sessionId: record.sessionId })
      return send(res, 200, record.child)
    }

    return send(res, 400, UNSUPPORTED_GRANT)
  }

  async function handle(req, res) {
    const url = new URL(req.url, 'http://gateway.local')
    const { route, fn, sub = '' } = classify(url.pathname)
    const entry = {
      method: req.method,
      path: url.pathname,
      target: req.url,
      query: firstValues(url.searchParams),
      headers: req.headers,
      rawHeaders: req.rawHeaders,
      body: Buffer.alloc(0),
      route,
      fn,
      time: Date.now(),
      aborted: false,
      seq: ++seq,
      endSeq: undefined,
    }
    requests.push(entry) // logged on arrival, so even requests that never complete show up
    load.inFlight++
    // Counted 10 ms after arrival (or at the end, if sooner), not at once: a client that closes one
    // connection and then opens the next must not be charged for both because this server happened to
    // read the new request before the old connection's end, which is already in flight.
    const measure = () => {
      load.maxInFlight = Math.max(load.maxInFlight, load.inFlight)
    }
    const measureTimer = setTimeout(measure, 10)
    // Over when the answer is done or the client closed the connection (seen before 'close', which waits a turn).
    let counted = true
    const over = () => {
      if (counted) {
        clearTimeout(measureTimer)
        measure()
        load.inFlight--
        entry.endSeq = ++seq
      }
      counted = false
    }
    req.socket.once('end', over)
    res.once('close', () => req.socket.off('end', over))

    res.setHeader('Access-Control-Allow-Origin', '*')
    res.setHeader('Access-Control-Expose-Headers', '*')
    // The connection closed before we finished answering: the client aborted (or we dropped it).
    res.on('close', () => {
      over()
      if (!res.writableFinished) entry.aborted = true
    })

    entry.body = await readBody(req)

    if (req.method === 'OPTIONS') {
      return send(res, 204, null, {
        'Access-Control-Allow-Methods': 'GET, POST, PUT, PATCH, DELETE, HEAD, OPTIONS',
        'Access-Control-Allow-Headers': req.headers['access-control-request-headers'] || DEFAULT_ALLOW_HEADERS,
        'Access-Control-Max-Age': '600',
      })
    }

    if (route === 'supabase') {
      // Like the Supabase relay: every call needs a JWT signed with the project secret.
      const claims = verifyJwt(bearerToken(req.headers), jwtSecret)
      if (!claims) return send(res, 401, INVALID_JWT, { 'x-relay-error': 'true' })
      return runFunction(entry, res, sub, claims, SUPABASE_NOT_FOUND)
    }
    if (route === 'memfire') {
      // MemFire does no platform JWT check; the function sees claims only if the token is valid.
      const claims = verifyJwt(bearerToken(req.headers), jwtSecret)
      return runFunction(entry, res, sub, claims, MEMFIRE_NOT_FOUND)
    }
    if (route === 'auth') return handleAuth(entry, res)
    return send(res, 404, { code: 404, message: 'Not found' })
  }

  const sockets = new Set()
  const server = http.createServer((req, res) => {
    handle(req, res).catch((err) => {
      if (!res.headersSent) send(res, 500, { code: 500, message: String(err && err.message ? err.message : err) })
      else res.destroy()
    })
  })
  server.on('connection', (socket) => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
  })

  await new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, host, () => {
      server.off('error', reject)
      resolve()
    })
  })

  const actualPort = server.address().port
  const urlHost = host.includes(':') ? `[${host}]` : host
  let closing

  return {
    url: `http://${urlHost}:${actualPort}`,
    port: actualPort,
    jwtSecret,
    anonKey,
    serviceRoleKey,
    requests,
    /** @param {{ expiresIn?: number, email?: string }} [opts] */
    createSession: ({ expiresIn = accessTokenTtl, email = DEMO_EMAIL } = {}) => issueSession({ expiresIn, email }),
    clearRequests() {
      requests.length = 0
    },
    /** `{ inFlight, maxInFlight }`: requests being answered now, and the most at once. */
    load,
    resetInFlight() {
      load.maxInFlight = load.inFlight
    },
    refreshRequests() {
      return requests.filter(
        (r) =>
          r.method === 'POST' &&
          r.route === 'auth' &&
          r.path.replace(/\/+$/, '') === '/auth/v1/token' &&
          r.query.grant_type === 'refresh_token',
      )
    },
    /** @param {'ok' | 'reject' | 'error500' | 'drop' | 'slow'} mode */
    setRefreshMode(mode) {
      if (!REFRESH_MODES.includes(mode)) throw new Error(`unknown refresh mode: ${mode}`)
      refreshMode = mode
    },
    /** @param {number} ms */
    setRefreshDelay(ms) {
      refreshDelayMs = ms
    },
    /** GoTrue's refresh token reuse interval, in seconds (0 here by default; GoTrue's own default is 10). */
    setReuseInterval(seconds) {
      reuseIntervalMs = seconds * 1000
    },
    close() {
      // Destroy open (keep-alive, streaming, slow) sockets so close never hangs.
      closing ??= new Promise((resolve) => {
        server.close(() => resolve())
        for (const socket of sockets) socket.destroy()
      })
      return closing
    },
  }
}

module.exports = { startGateway, signJwt, verifyJwt, functions, DEFAULT_JWT_SECRET }
