// What a function must answer to an H5 app's CORS preflight (the README's "H5 跨域" section), in
// real Chromium: the built package runs in a page on one origin and calls functions on another.
import { readFileSync } from 'fs'
import http from 'http'
import type { AddressInfo } from 'net'
import { join } from 'path'
const { startGateway } = require('../gateway')
const { launchChromium } = require('./helpers/chromium')

type Answer = { code: string | null; name: string | null; data: unknown }

/** Serves a blank page and the built package (dist/) on an origin of its own. */
function servePage(): Promise<http.Server> {
  const dist = join(__dirname, '..', 'dist')
  const server = http.createServer((req, res) => {
    const file = /^\/([\w-]+\.mjs)$/.exec(req.url || '')
    if (!file) return res.writeHead(200, { 'Content-Type': 'text/html' }).end('<!doctype html><title>h5</title>')
    res.writeHead(200, { 'Content-Type': 'text/javascript' }).end(readFileSync(join(dist, file[1])))
  })
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)))
}

/** A function host that answers the preflight with exactly `allow`, and calls with `answer`. */
function functionHost(allow: Record<string, string>, answer: { status: number; headers: Record<string, string> }) {
  const seen: Array<{ method: string; headers: http.IncomingHttpHeaders }> = []
  const server = http.createServer((req, res) => {
    seen.push({ method: req.method!, headers: req.headers })
    req.resume()
    if (req.method == 'OPTIONS') return res.writeHead(204, allow).end()
    res
      .writeHead(answer.status, { 'Access-Control-Allow-Origin': '*', 'Content-Type': 'application/json', ...answer.headers })
      .end('{"ok":true}')
  })
  return new Promise<{ url: string; seen: typeof seen; close(): void }>((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen, close: () => server.close() }),
    ),
  )
}

const MINIMAL = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Methods': 'GET, POST, PUT, PATCH, DELETE, HEAD, OPTIONS',
  'Access-Control-Allow-Headers': 'authorization, apikey, content-type, x-region',
}

let gateway: any
let site: http.Server
let browser: any
let page: any

beforeAll(async () => {
  gateway = await startGateway()
  site = await servePage()
  browser = await launchChromium()
  page = await browser.context.newPage()
  await page.goto(`http://127.0.0.1:${(site.address() as AddressInfo).port}/`)
}, 60000)

afterAll(async () => {
  await browser?.close()
  site?.close()
  await gateway?.close()
})

/** One `invoke` in the page, through `fetchTransport()`, as an H5 build makes it. */
function invokeInPage(args: { url: string; functionsUrl?: string; anonKey: string; name: string; region?: string }): Promise<Answer> {
  return page.evaluate(async (a: typeof args) => {
    const { createFunctions, fetchTransport } = await import('/index.mjs' as string)
    const functions = createFunctions({ url: a.url, functionsUrl: a.functionsUrl, anonKey: a.anonKey, transport: fetchTransport() })
    const { data, error } = await functions.invoke(a.name, { body: { name: 'h5' }, region: a.region })
    return { code: error ? error.code : null, name: error ? error.name : null, data }
  }, args)
}

it('a JSON call asks the preflight for exactly authorization, apikey, content-type (and x-region with a region)', async () => {
  gateway.clearRequests()
  const answer = await invokeInPage({ url: gateway.url, anonKey: gateway.anonKey, name: 'hello', region: 'ap-northeast-1' })
  expect(answer).toEqual({ code: null, name: null, data: { message: 'Hello h5!' } })
  const preflights = gateway.requests.filter((r: any) => r.method == 'OPTIONS')
  expect(preflights).toHaveLength(1)
  expect(preflights[0].headers['access-control-request-method']).toBe('POST')
  expect(preflights[0].headers['access-control-request-headers']).toBe('apikey,authorization,content-type,x-region')
})

it('the minimal preflight answer is enough', async () => {
  const host = await functionHost(MINIMAL, { status: 200, headers: {} })
  try {
    const answer = await invokeInPage({ url: host.url, functionsUrl: host.url, anonKey: 'anon', name: 'fn', region: 'eu-west-1' })
    expect(answer).toEqual({ code: null, name: null, data: { ok: true } })
    expect(host.seen.map((r) => r.method)).toEqual(['OPTIONS', 'POST'])
  } finally {
    host.close()
  }
})

it('a preflight answer that leaves out apikey fails the call as NETWORK_ERROR, and the function never runs', async () => {
  const host = await functionHost(
    { ...MINIMAL, 'Access-Control-Allow-Headers': 'authorization, content-type' },
    { status: 200, headers: {} },
  )
  try {
    const answer = await invokeInPage({ url: host.url, functionsUrl: host.url, anonKey: 'anon', name: 'fn' })
    expect(answer.code).toBe('NETWORK_ERROR')
    expect(host.seen.map((r) => r.method)).toEqual(['OPTIONS'])
  } finally {
    host.close()
  }
})

it('x-relay-error is seen only when the answer exposes it (Access-Control-Expose-Headers)', async () => {
  const hidden = await functionHost(MINIMAL, { status: 401, headers: { 'x-relay-error': 'true' } })
  const exposed = await functionHost(MINIMAL, {
    status: 401,
    headers: { 'x-relay-error': 'true', 'Access-Control-Expose-Headers': 'x-relay-error' },
  })
  try {
    const call = (host: { url: string }) => invokeInPage({ url: host.url, functionsUrl: host.url, anonKey: 'anon', name: 'fn' })
    expect(await call(hidden)).toMatchObject({ code: 'HTTP_ERROR', name: 'FunctionsHttpError' })
    expect(await call(exposed)).toMatchObject({ code: 'RELAY_ERROR', name: 'FunctionsRelayError' })
  } finally {
    hidden.close()
    exposed.close()
  }
})
