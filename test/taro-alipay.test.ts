// Taro on Alipay: the Taro runtime (dist/taro.cjs) built for TARO_ENV 'alipay', over Taro's request
// machinery (`@tarojs/api`'s interceptor chain, `processApis` of `@tarojs/shared`) with Taro's own Alipay
// adapters from @tarojs/plugin-platform-alipay, and an Alipay-shaped `my` doing real HTTP.
import { join } from 'path'
import { describeTransport } from './helpers/transport-suite'
// eslint-disable-next-line @typescript-eslint/no-var-requires
const { startGateway } = require('../gateway')
// eslint-disable-next-line @typescript-eslint/no-var-requires
const { createMy } = require('./helpers/fake-my')
// eslint-disable-next-line @typescript-eslint/no-var-requires
const { taroAlipayAdapters } = require('./helpers/taro-alipay')

const taroModules = join(__dirname, '..', 'demo-taro', 'node_modules')
// Mini-program globals `processApis` reads.
const globals = { getCurrentPages: () => [], getApp: () => ({}), requirePlugin: () => ({}) }
// `@tarojs/api` takes page and event helpers from the DOM runtime (ESM only): none is on the request path.
const domRuntime = () => ({
  Current: {},
  options: {},
  getCurrentInstance: () => ({}),
  nextTick: setTimeout,
  eventCenter: {},
  Events: class {},
})

// What Taro's build defines for `taro build --type alipay`.
const envBefore = { TARO_ENV: process.env.TARO_ENV, TARO_PLATFORM: process.env.TARO_PLATFORM }
process.env.TARO_ENV = 'alipay'
process.env.TARO_PLATFORM = 'mini'

let gw: any
beforeAll(async () => {
  Object.assign(global, globals)
  gw = await startGateway()
})
afterAll(() => {
  for (const [name, value] of Object.entries(envBefore)) {
    if (value === undefined) delete process.env[name]
    else process.env[name] = value
  }
  return gw.close()
})

/** A fresh Taro over `my` with Taro's Alipay adapters, and the plugin runtime built for it. */
function taroAlipayApp(my: any) {
  jest.resetModules()
  jest.doMock(join(taroModules, '@tarojs/runtime'), domRuntime)
  const Taro = require(join(taroModules, '@tarojs/api')).default
  require(join(taroModules, '@tarojs/shared')).processApis(Taro, my, taroAlipayAdapters(taroModules, my))
  jest.doMock('@tarojs/taro', () => Taro, { virtual: true })
  ;(global as any).MP_FUNCTIONS_TARO = { url: gw.url, anonKey: gw.anonKey }
  ;(global as any).MP_FUNCTIONS_RETRY = false
  ;(global as any).MP_FUNCTIONS_QUEUE = false
  const runtime = require('../dist/taro.cjs')
  return { Taro, runtime }
}

describeTransport("taroTransport() built for alipay (Taro's own my.request adapter)", () =>
  taroAlipayApp(createMy()).runtime.taroTransport(),
)

it('Taro.$functions: headers reach the function, through the app’s interceptor', async () => {
  const my = createMy()
  const { Taro } = taroAlipayApp(my)
  const seen: string[] = []
  Taro.addInterceptor((chain: any) => {
    seen.push(chain.requestParams.url)
    return chain.proceed(chain.requestParams).then((response: any) => response)
  })
  const { data, error } = await Taro.$functions.invoke('mirror', { headers: { 'X-Trace': 'taro-1' } })
  expect(error).toBeNull()
  expect(data.headers).toMatchObject({ apikey: gw.anonKey, authorization: `Bearer ${gw.anonKey}`, 'x-trace': 'taro-1' })
  expect(seen).toEqual([`${gw.url}/functions/v1/mirror`])
  expect(my.__requests[0].options).toMatchObject({ dataType: 'base64' })
})

it('Taro.$functions: a PNG arrives byte for byte', async () => {
  const { Taro } = taroAlipayApp(createMy())
  const { data } = await Taro.$functions.invoke('binary?size=2000&type=image/png', { method: 'GET' })
  expect(Array.from(new Uint8Array(data))).toEqual(Array.from({ length: 2000 }, (_, index) => index & 255))
})

it('Taro.$functions: a non-2xx answer is a FunctionsHttpError with its body, also when an interceptor rejects it', async () => {
  const { Taro } = taroAlipayApp(createMy())
  const plain = await Taro.$functions.invoke('status/418')
  expect(plain.error.name).toBe('FunctionsHttpError')
  expect(plain.error.body).toEqual({ error: "I'm a Teapot", code: 418 })
  Taro.addInterceptor((chain: any) => chain.proceed(chain.requestParams).catch((failure: any) => Promise.reject(failure)))
  const intercepted = await Taro.$functions.invoke('status?code=500&type=text')
  expect(intercepted.error.name).toBe('FunctionsHttpError')
  expect(intercepted.error.status).toBe(500)
  expect(intercepted.error.body).toBe('函数出错了: 500')
})

it('Taro.$functions: the session from Alipay storage, read through Taro’s adapter', async () => {
  const my = createMy()
  const session = gw.createSession()
  my.setStorageSync({ key: 'sb-127-auth-token', data: JSON.stringify(session) })
  const { Taro } = taroAlipayApp(my)
  const { data } = await Taro.$functions.invoke('mirror')
  expect(data.headers.authorization).toBe(`Bearer ${session.access_token}`)
})

it('Taro.$functions: an event stream arrives whole at the end, read through the same API; a timeout still cuts the request', async () => {
  const { Taro } = taroAlipayApp(createMy())
  const { data: stream } = await Taro.$functions.invoke('sse?count=2&interval=10', { stream: true })
  const events: string[] = []
  for await (const event of stream) events.push(event.event)
  expect(events).toEqual(['message', 'message', 'done'])
  gw.clearRequests()
  const { error } = await Taro.$functions.invoke('slow?ms=3000', { timeout: 200 })
  expect(error.code).toBe('TIMEOUT')
  const slow = gw.requests.find((request: any) => request.fn === 'slow')
  for (let i = 0; i < 100 && !slow.aborted; i++) await new Promise((resolve) => setTimeout(resolve, 20))
  expect(slow.aborted).toBe(true)
})
