// Faults injected over real sockets by the gateway, through each transport: every call ends in its
// documented typed error (or success) within its time bound; none hangs.
import * as net from 'net'
import {
  createFunctions,
  fetchTransport,
  miniProgramTransport,
  retry,
  type FunctionsResponse,
  type InvokeOptions,
  type RetryOptions,
  type Transport,
} from '../src'
import { closeRelays, suiteRelay } from './helpers/cloud-relay'
import type { Gateway } from './helpers/transport-suite'
// eslint-disable-next-line @typescript-eslint/no-var-requires
const { startGateway } = require('../gateway')
// eslint-disable-next-line @typescript-eslint/no-var-requires
const { createWx } = require('./helpers/fake-wx')
// eslint-disable-next-line @typescript-eslint/no-var-requires
const { createMy } = require('./helpers/fake-my')

/** A port nothing listens on: bound once, then closed. */
async function closedPort(): Promise<number> {
  const server = net.createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as net.AddressInfo
  await new Promise((resolve) => server.close(resolve))
  return port
}

interface Fault {
  name: string
  /** Function name (and query) on the gateway, or `refused` for a port nothing listens on. */
  path: string
  options?: InvokeOptions
  /** Turn on the retry feature with these options (fast backoff). */
  retry?: RetryOptions
  /** The longest the call may take. */
  within: number
  /** At least this long (a Retry-After honoured). */
  atLeast?: number
  expect(result: FunctionsResponse<any>): void
  /** What it ends in through the relay, where that differs (its limits), and why. */
  throughRelay?: (result: FunctionsResponse<any>) => void
  /** Requests the gateway must have seen for it. */
  requests?: number
}

const key = () => Math.random().toString(36).slice(2)
const code = (expected: string, message?: RegExp) => (result: FunctionsResponse<any>) => {
  expect(result.data).toBeNull()
  expect(result.error && result.error.code).toBe(expected)
  if (message) expect(result.error!.message).toMatch(message)
}
const httpStatus = (status: number) => (result: FunctionsResponse<any>) => {
  code('HTTP_ERROR')(result)
  expect(result.response!.status).toBe(status)
}
const SIXTEEN_MB = 16 * 1024 * 1024
const RELAYED = 'cloudRelay (wx.cloud.callFunction → the shipped relay)'

const faults: Fault[] = [
  { name: 'connection refused', path: 'refused', within: 2000, expect: code('NETWORK_ERROR') },
  {
    name: 'connection refused, GET retried: says how many attempts',
    path: 'refused',
    options: { method: 'GET' },
    retry: { attempts: 3 },
    within: 3000,
    expect: code('NETWORK_ERROR', /\(3 attempts\)$/),
  },
  { name: 'reset before headers', path: 'fault/reset-before-headers', within: 2000, expect: code('NETWORK_ERROR'), requests: 1 },
  { name: 'reset mid-body', path: 'fault/reset-mid-body', within: 2000, expect: code('NETWORK_ERROR'), requests: 1 },
  {
    name: 'reset before headers, GET retried 3 times',
    path: 'fault/reset-before-headers',
    options: { method: 'GET' },
    retry: {},
    within: 3000,
    expect: code('NETWORK_ERROR', /\(3 attempts\)$/),
    requests: 3,
  },
  {
    name: 'headers that never come: the timeout ends it',
    path: 'fault/no-headers',
    options: { timeout: 500 },
    within: 1500,
    atLeast: 450,
    expect: code('TIMEOUT'),
    requests: 1,
  },
  {
    name: 'headers that never come, retrying transport: never retried after the timeout',
    path: 'fault/no-headers',
    options: { method: 'GET', timeout: 500 },
    retry: { attempts: 5 },
    within: 1500,
    expect: code('TIMEOUT'),
    requests: 1,
  },
  {
    name: 'a body that stalls: the timeout ends it',
    path: 'fault/stall-body',
    options: { timeout: 500 },
    within: 1500,
    atLeast: 450,
    expect: code('TIMEOUT'),
    requests: 1,
  },
  {
    name: '5xx burst, no retry: the first 503',
    path: 'fault/flaky?failures=2&key=' + key(),
    within: 2000,
    expect: httpStatus(503),
    requests: 1,
  },
  {
    name: '5xx burst, GET retried: success on the 3rd attempt, which the answer says',
    path: 'fault/flaky?failures=2&key=' + key(),
    options: { method: 'GET' },
    retry: {},
    within: 3000,
    expect: (result) => {
      expect(result.error).toBeNull()
      expect(result.data).toEqual({ ok: true, attempt: 3 })
      expect(result.response!.headers.get('x-retry-attempts')).toBe('3')
    },
    requests: 3,
  },
  {
    name: '5xx burst longer than the attempts: the last 502, after 3 attempts',
    path: 'fault/flaky?status=502&failures=10&key=' + key(),
    options: { method: 'GET' },
    retry: {},
    within: 3000,
    expect: (result) => {
      httpStatus(502)(result)
      expect(result.response!.headers.get('x-retry-attempts')).toBe('3')
    },
    requests: 3,
  },
  {
    name: '5xx burst on a POST: not idempotent, never retried',
    path: 'fault/flaky?failures=2&key=' + key(),
    retry: {},
    within: 2000,
    expect: httpStatus(503),
    requests: 1,
  },
  {
    name: '429 with Retry-After, 429 not retried by default',
    path: 'fault/flaky?status=429&retryAfter=1&failures=1&key=' + key(),
    options: { method: 'GET' },
    retry: {},
    within: 1000,
    expect: httpStatus(429),
    requests: 1,
  },
  {
    name: '429 with Retry-After: 1 (seconds), 429 retried: waits it out',
    path: 'fault/flaky?status=429&retryAfter=1&failures=1&key=' + key(),
    options: { method: 'GET' },
    retry: { statusCodes: [429] },
    atLeast: 950,
    within: 3000,
    expect: (result) => expect(result.data).toEqual({ ok: true, attempt: 2 }),
    requests: 2,
  },
  {
    name: '429 with Retry-After as an HTTP-date',
    // Made when the test runs. Whole seconds: an HTTP-date has no milliseconds, so this waits 1 to 2 s.
    get path() {
      return (
        'fault/flaky?status=429&failures=1&key=' + key() + '&retryAfter=' + encodeURIComponent(new Date(Date.now() + 2000).toUTCString())
      )
    },
    options: { method: 'GET' },
    retry: { statusCodes: [429] },
    atLeast: 200,
    within: 4000,
    expect: (result) => expect(result.data).toEqual({ ok: true, attempt: 2 }),
    requests: 2,
  },
  {
    name: '429 with a Retry-After over maxRetryAfter: the 429 at once',
    path: 'fault/flaky?status=429&retryAfter=3600&failures=1&key=' + key(),
    options: { method: 'GET' },
    retry: { statusCodes: [429] },
    within: 1000,
    expect: httpStatus(429),
    requests: 1,
  },
  {
    name: 'invalid JSON with a JSON content type',
    path: 'bad-json',
    within: 2000,
    expect: code('INVALID_RESPONSE', /does not match its Content-Type/),
  },
  {
    name: 'invalid UTF-8 in a JSON body: replacement characters, as TextDecoder does',
    path: 'fault/bad-utf8',
    within: 2000,
    expect: (result) => expect(result.data).toEqual({ s: 'a\ufffd\ufffd\ufffdb' }),
  },
  {
    name: 'invalid UTF-8 in text',
    path: 'fault/bad-utf8?type=text/plain',
    within: 2000,
    expect: (result) => expect(result.data).toBe('{"s":"a\ufffd\ufffd\ufffdb"}'),
  },
  {
    name: 'a 16 MB body, every byte intact',
    path: `binary?size=${SIXTEEN_MB}`,
    options: { method: 'GET' },
    within: 15000,
    expect: (result) => {
      expect(result.error).toBeNull()
      const bytes = new Uint8Array(result.data)
      expect(bytes.length).toBe(SIXTEEN_MB)
      let wrong = 0
      for (let i = 0; i < bytes.length; i += 4099) if (bytes[i] !== i % 256) wrong++
      expect(wrong).toBe(0)
    },
    // A cloud function's result is JSON of limited size: the relay refuses answers over 1 MB by default.
    throughRelay: (result) => {
      code('CLOUD_RELAY_REFUSED', /ANSWER_TOO_LARGE/)(result)
    },
  },
  { name: 'oversized response headers (64 KB)', path: 'fault/big-headers', within: 2000, expect: code('NETWORK_ERROR') },
  {
    name: 'oversized request headers (100 KB): the server answers 431',
    path: 'hello',
    options: { headers: { 'x-big': 'x'.repeat(100 * 1024) } },
    within: 2000,
    expect: httpStatus(431),
    // The relay refuses a request line and headers over 16 KB itself: a server that refuses them may close
    // the connection before the relay reads its 431.
    throughRelay: code('CLOUD_RELAY_REFUSED', /REQUEST_TOO_LARGE/),
  },
]

const relay = suiteRelay()
afterAll(closeRelays)

const transports: Array<[string, () => Transport]> = [
  ['fetchTransport', () => fetchTransport()],
  ['miniProgramTransport(wx.request)', () => miniProgramTransport(createWx().request)],
  [RELAYED, relay.makeTransport],
  ["miniProgramTransport(my.request, { platform: 'alipay' })", () => miniProgramTransport(createMy().request, { platform: 'alipay' })],
]

let tried = 0
describe.each(transports)('faults over real sockets, %s', (_label, makeTransport) => {
  let gw: Gateway
  let refusedUrl: string

  beforeAll(async () => {
    gw = await startGateway()
    refusedUrl = `http://127.0.0.1:${await closedPort()}`
    relay.allowOrigin(gw.url)
    relay.allowOrigin(refusedUrl)
  })
  afterAll(() => gw.close())
  beforeEach(() => gw.clearRequests())

  it.each(faults.map((fault) => [fault.name, fault] as const))('%s', async (_name, fault) => {
    const expectation = (_label == RELAYED && fault.throughRelay) || fault.expect
    const transport = makeTransport()
    const features = fault.retry ? [retry({ delay: 20, ...fault.retry })] : []
    const path = fault.path
    const url = path == 'refused' ? refusedUrl : gw.url
    const client = createFunctions({ url, anonKey: gw.anonKey, functionsUrl: url + '/mf', transport, features })
    const start = Date.now()
    const result = await client.invoke(path == 'refused' ? 'hello' : path, fault.options)
    const ms = Date.now() - start
    tried++
    expectation(result)
    expect(ms).toBeLessThan(fault.within)
    if (fault.atLeast) expect(ms).toBeGreaterThanOrEqual(fault.atLeast)
    if (fault.requests !== undefined) {
      const fn = path.split(/[/?]/)[0]
      expect(gw.requests.filter((r: any) => r.fn === fn)).toHaveLength(fault.requests)
    }
  })
})

afterAll(() => {
  process.stdout.write(`\nfaults tried: ${tried} (${faults.length} faults × ${transports.length} transports)\n`)
})
