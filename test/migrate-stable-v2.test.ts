// docs/migrate-from-supabase-wechat-stable-v2.md: each bug of the seed SDK (supabase-wechat-stable-v2
// 2.2.0, as published) shown against the repo's gateway through the same `wx` (real HTTP), beside
// mp-functions fixing it. If a later seed release fixed one, its "seed" expectation fails here and
// the guide must be updated.
import { createFunctions, miniProgramTransport, type EventStream } from '../src'
const { createWx } = require('./helpers/fake-wx')
const { startGateway } = require('../gateway')

let gateway: any
let wx: any
let seed: any
let ours: ReturnType<typeof createFunctions>

beforeAll(async () => {
  gateway = await startGateway()
  wx = (global as any).wx = createWx()
  // The seed's `wx.request` wrapper reads the global `wx`, as on a device.
  const { createClient } = require('supabase-wechat-stable-v2')
  seed = createClient(gateway.url, gateway.anonKey, { auth: { persistSession: false, autoRefreshToken: false } })
  ours = createFunctions({ url: gateway.url, anonKey: gateway.anonKey, transport: miniProgramTransport(wx.request) })
})

afterAll(async () => {
  delete (global as any).wx
  wx.__close()
  await gateway.close()
})

const full = (name: string) => `${gateway.url}/functions/v1/${name}`

it('a bare function name: the seed requests "hello" as the URL; ours goes to `${url}/functions/v1/hello`', async () => {
  const before = await seed.functions.invoke('hello', { body: { name: 'x' } })
  expect(before.error.name).toBe('FunctionsFetchError')
  expect(before.error.context.errMsg).toMatch(/invalid url "hello"/)
  expect((await ours.invoke('hello', { body: { name: 'x' } })).data).toEqual({ message: 'Hello x!' })
})

it('the answer: the seed hands over the raw wx response (body in data.data); ours the parsed body', async () => {
  const before = await seed.functions.invoke(full('hello'), { body: { name: 'x' } })
  expect(before.data).toMatchObject({ data: { message: 'Hello x!' }, status: 200, errMsg: 'request:ok' })
  expect((await ours.invoke(full('hello'), { body: { name: 'x' } })).data).toEqual({ message: 'Hello x!' })
})

it('binary: the seed decodes bytes as text (no responseType); ours returns them intact as an ArrayBuffer', async () => {
  const bytes = Array.from({ length: 256 }, (_, i) => i)
  const before = await seed.functions.invoke(full('binary?size=256'), { method: 'GET' })
  expect(typeof before.data.data).toBe('string')
  expect(before.data.data).toContain('\ufffd')
  const after = await ours.invoke(full('binary?size=256'), { method: 'GET' })
  expect(Array.from(new Uint8Array(after.data as ArrayBuffer))).toEqual(bytes)
})

it("headers: with a lower-case content-type or authorization the seed hands wx.request both casings; ours one, the caller's", async () => {
  const headers = { 'content-type': 'text/plain', authorization: 'Bearer ' + gateway.anonKey }
  const handed = () =>
    Object.keys(wx.__requests[wx.__requests.length - 1].header).filter((name) => /^(content-type|authorization)$/i.test(name))
  await seed.functions.invoke(full('mirror'), { body: { a: 1 }, headers })
  expect(handed().sort()).toEqual(['Authorization', 'Content-Type', 'authorization', 'content-type'])
  await ours.invoke(full('mirror'), { body: { a: 1 }, headers })
  expect(handed().sort()).toEqual(['authorization', 'content-type'])
  expect(gateway.requests[gateway.requests.length - 1].headers['content-type']).toBe('text/plain')
})

it('timeout: the seed has none (it waits for the platform, 60 s on WeChat); ours ends the call and the request', async () => {
  const started = Date.now()
  const before = await seed.functions.invoke(full('slow?ms=1500'), { timeout: 200 })
  expect(before.error).toBeNull()
  expect(Date.now() - started).toBeGreaterThanOrEqual(1400)
  const after = await ours.invoke(full('slow?ms=1500'), { timeout: 200 })
  expect(after.error?.code).toBe('TIMEOUT')
})

it('streaming: the seed asks for no chunks and hands over the whole text at the end; ours gives events as they arrive', async () => {
  const before = await seed.functions.invoke(full('sse?count=2&interval=10'), { method: 'GET' })
  expect(wx.__requests[wx.__requests.length - 1].enableChunked).toBe(false)
  expect(before.data.data).toMatch(/^data: .*第1条消息/)
  const { data: stream, error } = await ours.invoke<EventStream>(full('sse?count=3&interval=300'), { method: 'GET', stream: true })
  expect(error).toBeNull()
  const started = Date.now()
  for await (const event of stream!) {
    expect(JSON.parse(event.data)).toMatchObject({ index: 1 })
    expect(Date.now() - started).toBeLessThan(500) // the first event, long before the last is sent
    break
  }
})

it('off WeChat (H5, App, Alipay): the seed calls the global wx.request and fails; ours takes any transport', async () => {
  const saved = (global as any).wx
  delete (global as any).wx
  try {
    const before = await seed.functions.invoke(full('hello'))
    expect(before.error.name).toBe('FunctionsFetchError')
    expect(String(before.error.context)).toMatch(/wx is not defined/)
  } finally {
    ;(global as any).wx = saved
  }
})
