// cloudRelay: every request carried by wx.cloud.callFunction to the shipped relay cloud function
// (cloudfunctions/mp-functions-relay, run in its own Node process by the wx.cloud stand-in), which makes
// the real HTTP request to the gateway. The contract suite, then what only the relay does: refusals,
// limits, streams, the session's refresh, and what it never logs.
import * as path from 'path'
import { cloudRelay, createFunctions, miniProgramTransport, sessionFromStorage, type FunctionsOptions } from '../src'
import { closeRelays, RELAY_DIR, relayTransport, suiteRelay, wxWithRelay } from './helpers/cloud-relay'
import { describeTransport, eventually, mapStorage, type Gateway } from './helpers/transport-suite'
// eslint-disable-next-line @typescript-eslint/no-var-requires
const { startGateway } = require('../gateway')
// eslint-disable-next-line @typescript-eslint/no-var-requires
const { createWx } = require('./helpers/fake-wx')

afterAll(closeRelays)

describe('the contract, through the relay', () => {
  const relay = suiteRelay()
  describeTransport('cloudRelay (wx.cloud.callFunction → the shipped relay)', relay.makeTransport, {
    allowOrigin: relay.allowOrigin,
    cancelReachesServer: false,
  })

  it('nothing went through wx.request, and the relay never logged a token, a key or a body', () => {
    const { wx } = relay
    expect(wx.__requests).toHaveLength(0)
    expect(wx.cloud.__calls.length).toBeGreaterThan(20)
    const logs = wx.cloud.__logs.join('')
    expect(logs).toMatch(/"status":200/)
    expect(logs).not.toMatch(/eyJ|Bearer|apikey|世界/)
  })
})

describe('cloudRelay: what the relay refuses, and its limits', () => {
  let gw: Gateway
  let env: Record<string, string> = {}
  const wx = wxWithRelay(() => env, 3)
  const client = (options: Partial<FunctionsOptions> = {}, relayOptions = {}) =>
    createFunctions({ url: gw.url, anonKey: gw.anonKey, transport: relayTransport(wx, relayOptions), ...options })

  beforeAll(async () => {
    gw = await startGateway()
  })
  afterAll(() => gw.close())
  beforeEach(() => {
    env = { RELAY_ORIGINS: gw.url }
    gw.clearRequests()
  })

  const refused = async (call: Promise<any>, relayCode: string, message: RegExp) => {
    const { data, error } = await call
    expect(data).toBeNull()
    expect(error!.name).toBe('FunctionsFetchError')
    expect(error!.code).toBe('CLOUD_RELAY_REFUSED')
    expect(error!.context.code).toBe(relayCode)
    expect(error!.message).toMatch(message)
    expect(gw.requests).toHaveLength(0)
  }

  it('a relay with no RELAY_ORIGINS carries nothing, and says what to set', async () => {
    env = {}
    await refused(client().invoke('hello'), 'NOT_CONFIGURED', /set RELAY_ORIGINS/)
  })

  it('an origin not in RELAY_ORIGINS', async () => {
    env = { RELAY_ORIGINS: 'https://other.supabase.co' }
    await refused(
      client().invoke('hello'),
      'ORIGIN_NOT_ALLOWED',
      /refused it \(ORIGIN_NOT_ALLOWED\): http:\/\/127\.0\.0\.1:\d+ is not in RELAY_ORIGINS/,
    )
  })

  it('a path outside RELAY_PATHS (default: functions and the token refresh only)', async () => {
    await refused(client().invoke(`${gw.url}/rest/v1/users`), 'PATH_NOT_ALLOWED', /\/rest\/v1\/users is not under RELAY_PATHS/)
  })

  it('a method outside RELAY_METHODS', async () => {
    await refused(client().invoke('hello', { method: 'OPTIONS' }), 'METHOD_NOT_ALLOWED', /OPTIONS is not in RELAY_METHODS/)
  })

  it('a header a functions call does not send (cookie, x-forwarded-for), unless RELAY_HEADERS adds it', async () => {
    await refused(client().invoke('hello', { headers: { Cookie: 'a=1' } }), 'HEADER_NOT_ALLOWED', /header cookie is not allowed/)
    await refused(client().invoke('hello', { headers: { 'X-Forwarded-For': '1.2.3.4' } }), 'HEADER_NOT_ALLOWED', /x-forwarded-for/)
    env = { RELAY_ORIGINS: gw.url, RELAY_HEADERS: 'if-none-match' }
    const { data } = await client().invoke('mirror', { headers: { 'If-None-Match': 'v1', 'X-Trace': 't' } })
    expect(data.headers).toMatchObject({ 'if-none-match': 'v1', 'x-trace': 't' })
  })

  it('a body over maxBodyBytes is refused before sending; over the relay’s own limit, by the relay', async () => {
    const big = 'x'.repeat(150 * 1024)
    const before = wx.cloud.__calls.length
    const early = await client().invoke('mirror', { body: big })
    expect(early.error!.code).toBe('INVALID_REQUEST')
    expect(early.error!.message).toMatch(/153600 bytes as sent, over maxBodyBytes \(102400.*wx\.cloud\.uploadFile/)
    expect(wx.cloud.__calls.length).toBe(before)
    await refused(client({}, { maxBodyBytes: 1024 * 1024 }).invoke('mirror', { body: big }), 'REQUEST_TOO_LARGE', /RELAY_MAX_REQUEST_BYTES/)
  })

  it('an answer over RELAY_MAX_ANSWER_BYTES', async () => {
    env = { RELAY_ORIGINS: gw.url, RELAY_MAX_ANSWER_BYTES: '1000' }
    const { error } = await client().invoke('binary?size=5000', { method: 'GET' })
    expect(error!.code).toBe('CLOUD_RELAY_REFUSED')
    expect(error!.context.code).toBe('ANSWER_TOO_LARGE')
  })

  it('a slow function: the relay gives up at RELAY_TIMEOUT_MS (or the call’s timeout) and says so', async () => {
    env = { RELAY_ORIGINS: gw.url, RELAY_TIMEOUT_MS: '300' }
    const { error } = await client().invoke('slow?ms=2000')
    expect(error!.code).toBe('TIMEOUT')
    expect(error!.message).toMatch(/the cloud relay failed \(UPSTREAM_TIMEOUT\): no complete answer within 300 ms/)
    await eventually(() => gw.requests[0]?.aborted === true)
  })

  it('a relay past its cloud function’s time limit: TIMEOUT, saying where to raise it', async () => {
    env = { RELAY_ORIGINS: gw.url, RELAY_TIMEOUT_MS: '60000' }
    const { error } = await client().invoke('slow?ms=4000')
    expect(error!.code).toBe('TIMEOUT')
    expect(error!.message).toMatch(/ran past its time limit: raise it in the cloud console/)
  })

  it('an event stream that ends arrives whole, read through the same EventStream; one that never ends is a TIMEOUT that says why', async () => {
    const { data, error } = await client().invoke('sse?count=3&interval=10', { method: 'GET' })
    expect(error).toBeNull()
    const events: string[] = []
    for await (const event of data) events.push(event.data)
    expect(events).toEqual([
      '{"index":1,"text":"第1条消息：你好"}',
      '{"index":2,"text":"第2条消息：你好"}',
      '{"index":3,"text":"第3条消息：你好"}',
      '[DONE]',
    ])
    env = { RELAY_ORIGINS: gw.url, RELAY_TIMEOUT_MS: '500' }
    const forever = await client().invoke('sse?forever=1', { method: 'GET' })
    expect(forever.error!.code).toBe('TIMEOUT')
    expect(forever.error!.message).toMatch(/callFunction carries whole answers only/)
  })

  it('PATCH, which wx.request lacks, goes through the relay', async () => {
    const { data } = await client().invoke('mirror', { method: 'PATCH', body: { a: 1 } })
    expect(data.method).toBe('PATCH')
  })
})

describe('cloudRelay: failures of the cloud function call itself', () => {
  let gw: Gateway
  beforeAll(async () => {
    gw = await startGateway()
  })
  afterAll(() => gw.close())

  it('before wx.cloud.init: says to call it', async () => {
    const wx = createWx({ cloudFunctions: { 'mp-functions-relay': { dir: RELAY_DIR, env: {} } } })
    const { error } = await createFunctions({ url: gw.url, transport: relayTransport(wx) }).invoke('hello')
    expect(error!.code).toBe('NETWORK_ERROR')
    expect(error!.message).toMatch(/call wx\.cloud\.init\(\)/)
  })

  it('a relay deployed under another name: says which name is missing', async () => {
    const wx = wxWithRelay(() => ({ RELAY_ORIGINS: gw.url }))
    const { error } = await createFunctions({ url: gw.url, transport: relayTransport(wx, { name: 'functions-relay' }) }).invoke('hello')
    expect(error!.code).toBe('NETWORK_ERROR')
    expect(error!.message).toMatch(/no cloud function named functions-relay/)
  })

  it('a cloud function that is not the relay', async () => {
    const wx = createWx({ cloudFunctions: { other: { dir: path.join(__dirname, 'fixtures', 'not-a-relay') } } })
    wx.cloud.init()
    const { error } = await createFunctions({ url: gw.url, transport: relayTransport(wx, { name: 'other' }) }).invoke('hello')
    wx.cloud.__close()
    expect(error!.code).toBe('NETWORK_ERROR')
    expect(error!.message).toMatch(/did not answer as the mp-functions relay/)
  })
})

describe('cloudRelay: a malformed answer from the cloud function is a typed error, never a wrong success', () => {
  const answering = (result: unknown) => ({
    callFunction: (options: any) => setTimeout(() => options.success({ result, requestID: 'r', errMsg: 'cloud.callFunction:ok' }), 0),
  })
  const relay = (result: unknown) =>
    createFunctions({ url: 'https://abcd.supabase.co', transport: relayTransport({ cloud: answering(result) }) }).invoke('hello')

  it.each([
    ['no result', undefined],
    ['another protocol version', { mpFunctionsRelay: 2, status: 200, headers: {}, body: '' }],
    ['a status that is not one', { mpFunctionsRelay: 1, status: 0, headers: {}, body: '' }],
    ['a fractional status', { mpFunctionsRelay: 1, status: 200.5, headers: {}, body: '' }],
    ['headers as an array', { mpFunctionsRelay: 1, status: 200, headers: ['a'], body: '' }],
    ['a header that is not text', { mpFunctionsRelay: 1, status: 200, headers: { a: 1 }, body: '' }],
    ['base64 that is not', { mpFunctionsRelay: 1, status: 200, headers: {}, bodyBase64: '%%%' }],
  ])('%s: NETWORK_ERROR, saying it is not the relay', async (_label, result) => {
    const { data, error } = await relay(result)
    expect(data).toBeNull()
    expect(error!.code).toBe('NETWORK_ERROR')
    expect(error!.message).toMatch(/did not answer as the mp-functions relay/)
  })

  it('a refusal code that is an Object.prototype name is still a refusal', async () => {
    const { error } = await relay({ mpFunctionsRelay: 1, refused: { code: 'constructor', message: 'x' } })
    expect(error!.code).toBe('CLOUD_RELAY_REFUSED')
  })
})

describe('cloudRelay as users turn it on: features: [cloudRelay()]', () => {
  let gw: Gateway
  const globals = globalThis as any
  beforeAll(async () => {
    gw = await startGateway()
  })
  afterAll(() => {
    delete globals.wx
    return gw.close()
  })
  beforeEach(() => gw.clearRequests())

  it('on WeChat (wx.cloud): every request, the session’s refresh too, goes through the relay and none through wx.request', async () => {
    const wx = wxWithRelay(() => ({ RELAY_ORIGINS: gw.url }))
    globals.wx = wx
    const session = gw.createSession({ expiresIn: -10 })
    const storage = mapStorage({ 'sb-127-auth-token': JSON.stringify(session) })
    const functions = createFunctions({
      url: gw.url,
      anonKey: gw.anonKey,
      transport: miniProgramTransport(wx.request),
      accessToken: sessionFromStorage(storage),
      features: [cloudRelay()],
    })
    const { data, error } = await functions.invoke('mirror', { body: { 字: '中文' } })
    expect(error).toBeNull()
    expect(data.claims.role).toBe('authenticated')
    expect(data.bodyText).toBe('{"字":"中文"}')
    expect(gw.refreshRequests()).toHaveLength(1)
    expect(wx.__requests).toHaveLength(0)
    expect(wx.cloud.__calls.map((call: any) => new URL(call.event.url).pathname)).toEqual(['/auth/v1/token', '/functions/v1/mirror'])
  })

  it('where there is no wx.cloud (H5, App), it steps aside: requests go to the transport', async () => {
    delete globals.wx
    const wx = createWx()
    const functions = createFunctions({
      url: gw.url,
      anonKey: gw.anonKey,
      transport: miniProgramTransport(wx.request),
      features: [cloudRelay()],
    })
    const { data } = await functions.invoke('hello', { body: { name: 'H5' } })
    expect(data).toEqual({ message: 'Hello H5!' })
    expect(wx.__requests).toHaveLength(1)
  })
})
