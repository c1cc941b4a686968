'use strict'
// Sample functions served by the gateway under both URL styles.
//
// A handler is called as handler(ctx, res) with
//   ctx = { method, path, sub, query, headers, body (Buffer), claims (verified JWT claims or null) }
// and either returns (or resolves to) { status, headers?, body? } — body may be a Buffer,
// a string (sent as UTF-8) or any other value (sent as JSON) — or drives the raw node
// `res` itself (streaming / failure simulations) and returns undefined.
const http = require('http')

const DEFAULT_TEXT = '你好，世界！🌏 mp-functions'
const JSON_TEXT = '你好，世界！🌏'

/** Integer query parameter with a default, clamped to [min, max]. */
function intParam(raw, fallback, min, max) {
  const n = Number.parseInt(raw, 10)
  return Number.isFinite(n) ? Math.min(Math.max(n, min), max) : fallback
}

function parseJson(body) {
  if (!body || body.length === 0) return undefined
  try {
    return JSON.parse(body.toString('utf8'))
  } catch {
    return undefined
  }
}

// Headers the `headers` function must not let a caller set: they would corrupt the framing.
const UNSETTABLE = new Set(['content-length', 'transfer-encoding', 'connection'])

const functions = {
  hello({ body, query }) {
    const json = parseJson(body)
    const name = (json && typeof json.name === 'string' && json.name) || query.name || 'world'
    return { status: 200, body: { message: `Hello ${name}!` } }
  },

  mirror({ method, path, sub, query, headers, body, claims }) {
    return {
      status: 200,
      body: {
        method,
        path,
        sub,
        query,
        headers,
        contentType: headers['content-type'] ?? null,
        bodyText: body.toString('utf8'),
        bodyBase64: body.toString('base64'),
        bodyLength: body.length,
        claims,
      },
    }
  },

  status({ query, sub }) {
    const code = intParam(query.code ?? sub.split('/')[0], 500, 0, 999)
    const status = code >= 200 && code <= 599 ? code : 500 // 1xx would break the exchange
    const headers = {}
    if (query.relay === '1' || query.relay === 'true') headers['x-relay-error'] = 'true'
    if (status === 204 || status === 304) return { status, headers }
    if (query.type === 'text') {
      headers['content-type'] = 'text/plain; charset=utf-8'
      return { status, headers, body: `函数出错了: ${status}` }
    }
    return { status, headers, body: { error: http.STATUS_CODES[status] || 'Function failed', code: status } }
  },

  binary({ body, query }) {
    let bytes = body
    if (bytes.length === 0) {
      bytes = Buffer.alloc(intParam(query.size, 256, 0, 64 * 1024 * 1024))
      for (let i = 0; i < bytes.length; i++) bytes[i] = i % 256
    }
    return { status: 200, headers: { 'content-type': query.type || 'application/octet-stream' }, body: bytes }
  },

  text({ query }) {
    const text = query.json === '1' ? JSON.stringify({ text: query.text ?? JSON_TEXT }) : (query.text ?? DEFAULT_TEXT)
    return { status: 200, headers: { 'content-type': query.type || 'text/plain; charset=utf-8' }, body: text }
  },

  empty() {
    return { status: 204 }
  },

  'bad-json'() {
    return { status: 200, headers: { 'content-type': 'application/json' }, body: '{"oops":' }
  },

  // A page of a list, for the demos' list page: `?page=` (1), `?size=` (5) items, after `?ms=` (300).
  list({ query }, res) {
    const page = intParam(query.page, 1, 1, 1000)
    const size = intParam(query.size, 5, 1, 100)
    const ms = intParam(query.ms, 300, 0, 60000)
    const items = Array.from({ length: size }, (_, i) => {
      const id = (page - 1) * size + i + 1
      return { id, title: `第${id}条` }
    })
    return new Promise((resolve) => {
      const timer = setTimeout(() => resolve({ status: 200, body: { page, items, at: new Date().toISOString() } }), ms)
      res.on('close', () => {
        clearTimeout(timer)
        resolve(undefined)
      })
    })
  },

  slow({ query }, res) {
    const ms = intParam(query.ms, 1000, 0, 60000)
    return new Promise((resolve) => {
      const timer = setTimeout(() => resolve({ status: 200, body: { waited: ms } }), ms)
      // Client went away (e.g. an aborted request): stop waiting. The gateway marks
      // the log entry `aborted: true` from its own close listener.
      res.on('close', () => {
        clearTimeout(timer)
        resolve(undefined)
      })
    })
  },

  // A feed that never ends, as Supabase's own `streams` example: `sse` with `forever=1`.
  feed(ctx, res) {
    return functions.sse({ ...ctx, query: { ...ctx.query, forever: '1' } }, res)
  },

  sse({ query }, res) {
    const count = intParam(query.count, 5, 0, 10000)
    const interval = intParam(query.interval, 50, 0, 60000)
    // Faults and load for the streaming tests: cut the connection (`drop`) or go silent (`stall`)
    // after that many events; write each event in two pieces split inside a Chinese character,
    // `split` ms apart; or send `bytes` of events as fast as the client reads them.
    const drop = intParam(query.drop, -1, -1, 10000)
    const stall = intParam(query.stall, -1, -1, 10000)
    const split = intParam(query.split, -1, -1, 10000)
    const bytes = intParam(query.bytes, 0, 0, 1 << 30)
    // A feed or a chat that never ends (as Supabase's own `streams` example): events until the client goes.
    const forever = query.forever === '1'
    res.writeHead(200, { 'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-cache' })
    res.flushHeaders() // let the client see the response before the first event
    let sent = 0
    let timer
    res.on('close', () => clearTimeout(timer))
    if (bytes) {
      const event = Buffer.from(`id: ${'x'.repeat(8)}\ndata: ${'流式数据 stream '.repeat(60)}\n\n`)
      let written = 0
      const pump = () => {
        while (written < bytes) {
          written += event.length
          if (!res.write(event)) return res.once('drain', pump)
        }
        res.end('event: done\ndata: [DONE]\n\n')
      }
      return pump()
    }
    const tick = () => {
      if (sent === drop) return res.destroy()
      if (sent === stall) return
      if (sent < count || forever) {
        sent += 1
        const event = Buffer.from(`data: ${JSON.stringify({ index: sent, text: `第${sent}条消息：你好` })}\n\n`)
        if (split >= 0) {
          const cut = event.indexOf(Buffer.from('消')) + 1 // inside the 3-byte character
          res.write(event.subarray(0, cut))
          timer = setTimeout(() => {
            res.write(event.subarray(cut))
            timer = setTimeout(tick, interval)
          }, split)
          return
        }
        res.write(event)
        timer = setTimeout(tick, interval)
      } else {
        res.end('event: done\ndata: [DONE]\n\n')
      }
    }
    tick()
  },

  drop(ctx, res) {
    const part = '{"items":[1,2,3],"note":"this body is cut off mid-'
    res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': 1024 })
    // Wait until the partial body is flushed so the client really sees a truncated body.
    res.write(part, () => setTimeout(() => res.destroy(), 20))
  },

  // Failures on a real socket, for the fault suite: fault/<kind>. See gateway/README.md.
  fault({ sub, query, state }, res) {
    const kind = sub.split('/')[0]
    const socket = res.socket
    const json = { 'Content-Type': 'application/json; charset=utf-8' }
    switch (kind) {
      case 'reset-before-headers':
        return void socket.resetAndDestroy()
      case 'reset-mid-body':
        res.writeHead(200, { ...json, 'Content-Length': 1024 })
        return void res.write('{"items":[1,2,3],"cut":"', () => setTimeout(() => socket.resetAndDestroy(), 20))
      case 'no-headers':
        return void res.on('close', () => {}) // never answers; ends when the client gives up
      case 'stall-body':
        res.writeHead(200, { ...json, 'Content-Length': 1024 })
        return void res.write('{"items":[1,2,3],"stalled":"')
      case 'flaky': {
        // The first `failures` requests with this `key` fail with `status` (and `retryAfter`, if given), then 200.
        const key = `flaky:${query.key}`
        const seen = (state.get(key) || 0) + 1
        state.set(key, seen)
        if (seen <= intParam(query.failures, 2, 0, 1000)) {
          const headers = query.retryAfter ? { 'Retry-After': query.retryAfter } : {}
          const status = intParam(query.status, 503, 400, 599)
          return { status, headers, body: { error: http.STATUS_CODES[status], attempt: seen } }
        }
        return { status: 200, body: { ok: true, attempt: seen } }
      }
      case 'bad-utf8': {
        // Bytes that are not UTF-8 (a lone continuation byte, a truncated sequence, 0xff) in a JSON string.
        const bytes = Buffer.concat([Buffer.from('{"s":"a'), Buffer.from([0x80, 0xe4, 0xbd, 0xff]), Buffer.from('b"}')])
        return { status: 200, headers: { 'Content-Type': query.type || 'application/json' }, body: bytes }
      }
      case 'big-headers':
        // Over every client's header limit (Node: 16 KB).
        return { status: 200, headers: { 'X-Big': 'x'.repeat(intParam(query.size, 64 * 1024, 0, 1024 * 1024)) }, body: { ok: true } }
      default:
        return { status: 400, body: { error: `unknown fault: ${kind}` } }
    }
  },

  headers({ query }) {
    const set = {}
    for (const [name, value] of Object.entries(query)) {
      if (UNSETTABLE.has(name.toLowerCase())) continue
      try {
        http.validateHeaderName(name)
        http.validateHeaderValue(name, value)
        set[name] = value // the gateway uses res.setHeader, which keeps this casing on the wire
      } catch {
        // not a legal header: skip it
      }
    }
    return { status: 200, headers: set, body: { headers: set } }
  },
}

module.exports = functions
