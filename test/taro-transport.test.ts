// The Taro runtime (dist/taro.cjs) over Taro's own request machinery — `Taro.request` with its
// interceptor chain (`@tarojs/api`) and `processApis` from `@tarojs/shared`, as Taro's weapp runtime
// sets them up, taken from demo-taro's install — and a fake wx doing real HTTP: interceptors,
// cancelling, failures, storage. (The weapp and H5 end-to-end tests run the same code in real builds.)
import { join } from 'path'
// eslint-disable-next-line @typescript-eslint/no-var-requires
const { startGateway } = require('../gateway')
// eslint-disable-next-line @typescript-eslint/no-var-requires
const { createWx } = require('./helpers/fake-wx')

const taroModules = join(__dirname, '..', 'demo-taro', 'node_modules')
// Mini-program globals `processApis` reads.
const globals = { getCurrentPages: () => [], getApp: () => ({}), requirePlugin: () => ({}) }
// `@tarojs/api` takes page and event helpers from the DOM runtime (ESM only, which jest cannot load):
// none of them is on the request path.
const domRuntime = () => ({
  Current: {},
  options: {},
  getCurrentInstance: () => ({}),
  nextTick: setTimeout,
  eventCenter: {},
  Events: class {},
})

let gw: any

beforeAll(async () => {
  Object.assign(global, globals)
  gw = await startGateway()
})

afterAll(() => gw.close())

/** A fresh Taro over `wx`, and the plugin runtime built for it (as the CLI plugin would configure it). */
function taroApp(wx: any, options: object | null = {}) {
  jest.resetModules()
  jest.doMock(join(taroModules, '@tarojs/runtime'), domRuntime)
  const Taro = require(join(taroModules, '@tarojs/api')).default
  require(join(taroModules, '@tarojs/shared')).processApis(Taro, wx)
  jest.doMock('@tarojs/taro', () => Taro, { virtual: true })
  ;(global as any).MP_FUNCTIONS_TARO = options ? Object.assign({ url: gw.url, anonKey: gw.anonKey }, options) : undefined
  // As the CLI plugin defines them: which features config/index.ts turned on.
  const features: Array<{ name: string }> = (options && (options as { features?: Array<{ name: string }> }).features) || []
  ;(global as any).MP_FUNCTIONS_RETRY = features.some((feature) => feature.name == 'retry')
  ;(global as any).MP_FUNCTIONS_QUEUE = features.some((feature) => feature.name == 'queue')
  const runtime = require('../dist/taro.cjs')
  return { Taro, runtime }
}

/** Whether a call ended by its timeout also cut the request the gateway had received. */
const cancelled = async (Taro: any) => {
  gw.clearRequests()
  const { data, error } = await Taro.$functions.invoke('slow?ms=5000', { timeout: 500 })
  expect(data).toBeNull()
  expect(error.code).toBe('TIMEOUT')
  const slow = gw.requests.find((request: any) => request.fn === 'slow')
  expect(slow).toBeDefined()
  for (let i = 0; i < 100 && !slow.aborted; i++) await new Promise((resolve) => setTimeout(resolve, 20))
  return slow.aborted
}

it('Taro.$functions is the one client getFunctions() and useFunctions() give, made on first use', () => {
  const { Taro, runtime } = taroApp(createWx())
  expect(Taro.$functions).toBe(runtime.getFunctions())
  expect(runtime.useFunctions()).toBe(Taro.$functions)
})

it('without the CLI plugin’s options: a typed error, nothing sent', async () => {
  const wx = createWx()
  const { Taro } = taroApp(wx, null)
  const { error } = await Taro.$functions.invoke('hello')
  expect(error.name).toBe('FunctionsRequestError')
  expect(error.message).toBe("createFunctions: url is missing: { url: 'https://<project>.supabase.co', anonKey: '<anon key>' }")
  expect(wx.__requests).toEqual([])
})

it('a timeout cuts the request: without interceptors, with one that drops abort(), and leaves wx.request as it was', async () => {
  const wx = createWx()
  const request = wx.request
  const { Taro } = taroApp(wx)
  expect(await cancelled(Taro)).toBe(true)
  Taro.addInterceptor((chain: any) => chain.proceed(chain.requestParams).then((response: any) => response))
  expect(await cancelled(Taro)).toBe(true)
  expect(wx.request).toBe(request)
})

it('an interceptor that proceeds later: the call still ends on time', async () => {
  const { Taro } = taroApp(createWx())
  Taro.addInterceptor(async (chain: any) => {
    await new Promise((resolve) => setTimeout(resolve, 10))
    return chain.proceed(chain.requestParams)
  })
  await cancelled(Taro)
  const { data } = await Taro.$functions.invoke('hello')
  expect(data).toEqual({ message: 'Hello world!' })
})

it('a read-only wx.request: calls work, and Taro’s own abort() still cuts the request', async () => {
  const wx = createWx()
  Object.defineProperty(wx, 'request', { value: wx.request, writable: false, enumerable: true })
  const { Taro } = taroApp(wx)
  expect((await Taro.$functions.invoke('hello', { body: { name: '冻结' } })).data).toEqual({ message: 'Hello 冻结!' })
  expect(await cancelled(Taro)).toBe(true)
})

it('an interceptor that rejects non-2xx answers changes nothing: the function’s error, no unhandled rejection', async () => {
  const unhandled = jest.fn()
  process.on('unhandledRejection', unhandled)
  try {
    const { Taro } = taroApp(createWx())
    Taro.addInterceptor((chain: any) =>
      chain.proceed(chain.requestParams).then((response: any) => (response.statusCode >= 400 ? Promise.reject(response) : response)),
    )
    const { error } = await Taro.$functions.invoke('status/418')
    expect(error.name).toBe('FunctionsHttpError')
    expect(error.status).toBe(418)
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(unhandled).not.toHaveBeenCalled()
  } finally {
    process.off('unhandledRejection', unhandled)
  }
})

it('an interceptor that refuses the call, or a platform request that throws: an error, not a hang', async () => {
  const { Taro } = taroApp(createWx())
  Taro.addInterceptor(() => Promise.reject(new Error('请先登录')))
  const refused = await Taro.$functions.invoke('hello')
  expect(refused.error.code).toBe('NETWORK_ERROR')
  expect(refused.error.context.message).toBe('请先登录')

  const wx = createWx()
  wx.request = () => {
    throw new Error('request:fail platform broke')
  }
  const broken = await taroApp(wx).Taro.$functions.invoke('hello')
  expect(broken.error.code).toBe('NETWORK_ERROR')
})

it('a domain WeChat refuses: DOMAIN_NOT_ALLOWED, with where to allow it', async () => {
  const { Taro } = taroApp(createWx({ allowedDomains: ['example.com'] }))
  const { error } = await Taro.$functions.invoke('hello')
  expect(error.code).toBe('DOMAIN_NOT_ALLOWED')
  expect(error.message).toContain('服务器域名')
})

it('the session from Taro storage under the key supabase-js uses, or the configured one', async () => {
  const wx = createWx()
  const session = gw.createSession()
  wx.setStorageSync('sb-127-auth-token', JSON.stringify(session))
  wx.setStorageSync('my-session', { ...gw.createSession(), access_token: session.access_token + 'x' })
  const { Taro } = taroApp(wx)
  const { data } = await Taro.$functions.invoke('mirror')
  expect(data.headers.authorization).toBe(`Bearer ${session.access_token}`)
  const other = taroApp(wx, { storageKey: 'my-session' }).Taro
  expect((await other.$functions.invoke('mirror')).error.status).toBe(401)
  expect(gw.requests[gw.requests.length - 1].headers.authorization).toBe(`Bearer ${session.access_token}x`)
})

it('taroTransport() on weapp: the RequestTask delivers chunks as they come, through the app’s interceptor', async () => {
  const wx = createWx()
  const { Taro, runtime } = taroApp(wx)
  Taro.addInterceptor((chain: any) => chain.proceed(chain.requestParams).then((response: any) => response))
  const functions = runtime.createTaroFunctions({ url: gw.url, anonKey: gw.anonKey })
  const { data, error } = await functions.invoke('sse?count=3&interval=20&split=10', { stream: true })
  expect(error).toBeNull()
  const chunks: string[] = []
  const events: string[] = []
  await data.listen({ onChunk: (text: string) => chunks.push(text), onEvent: (event: any) => events.push(event.data) })
  expect(events.slice(0, 3).map((event) => JSON.parse(event).text)).toEqual(['第1条消息：你好', '第2条消息：你好', '第3条消息：你好'])
  expect(events[3]).toBe('[DONE]')
  // Each event came in two pieces, some milliseconds apart: the stream was read in pieces, not whole at the end.
  expect(chunks.length).toBeGreaterThan(3)
  expect(chunks.join('')).not.toContain('\uFFFD')
  expect(wx.__requests.map((request: any) => request.enableChunked)).toEqual([true])
})

it('Taro.$functions with the defaults: a never-ending event stream resolves at its headers; cancel() closes the socket', async () => {
  gw.clearRequests()
  const { Taro } = taroApp(createWx())
  const { data, error } = await Taro.$functions.invoke('sse?forever=1&interval=20')
  expect(error).toBeNull()
  const indexes: number[] = []
  for await (const event of data) {
    indexes.push(JSON.parse(event.data).index)
    if (indexes.length == 2) break
  }
  expect(indexes).toEqual([1, 2])
  for (let i = 0; i < 100 && !gw.requests[0].aborted; i++) await new Promise((resolve) => setTimeout(resolve, 20))
  expect(gw.requests[0].aborted).toBe(true)
})

it('retry and queue turned on in config/index.ts (data only) work in Taro.$functions', async () => {
  gw.clearRequests()
  gw.resetInFlight()
  const features = [
    { name: 'retry', options: { attempts: 3, methods: ['POST'], delay: 10, statusCodes: [503] } },
    { name: 'queue', options: { maxConcurrent: 2 } },
  ]
  const { Taro } = taroApp(createWx(), { features })
  const retried = await Taro.$functions.invoke('fault/flaky?key=taro-config&failures=2&status=503')
  expect(retried.error).toBeNull()
  expect(retried.response.headers.get('x-retry-attempts')).toBe('3')
  const slow = await Promise.all(Array.from({ length: 5 }, () => Taro.$functions.invoke('slow?ms=100')))
  expect(slow.every((result: any) => result.error === null)).toBe(true)
  expect(gw.load.maxInFlight).toBe(2)
})

it('a feature config/index.ts did not turn on in the build is refused by every call, saying so', async () => {
  const { Taro } = taroApp(createWx(), {})
  ;(global as any).MP_FUNCTIONS_TARO.features = [{ name: 'retry', options: {} }]
  const { error } = await Taro.$functions.invoke('hello')
  expect(error.name).toBe('FunctionsRequestError')
  expect(error.message).toMatch(/features: each one must be made by a feature function/)
})

it('configureFunctions() in app.ts gives Taro.$functions what config/index.ts cannot carry: hooks, accessToken; the same client object', async () => {
  gw.clearRequests()
  const { Taro, runtime } = taroApp(createWx(), {
    features: [{ name: 'retry', options: { attempts: 2, methods: ['POST'], statusCodes: [503], delay: 5 } }],
  })
  const before = Taro.$functions
  const seen: string[] = []
  const { hooks } = require('../dist/index.cjs')
  const token = gw.createSession().access_token
  runtime.configureFunctions({
    accessToken: () => token,
    features: [hooks({ beforeRequest: (call: any) => void seen.push(call.name) })],
  })
  expect(Taro.$functions).toBe(before)
  const { data } = await Taro.$functions.invoke('mirror')
  expect(data.headers.authorization).toBe(`Bearer ${token}`)
  expect(seen).toEqual(['mirror'])
  // The retry of config/index.ts still runs beside the hooks given at runtime.
  const flaky = await Taro.$functions.invoke('fault/flaky?key=taro-runtime&failures=1&status=503')
  expect(flaky.response.headers.get('x-retry-attempts')).toBe('2')
  expect(seen).toEqual(['mirror', 'fault/flaky?key=taro-runtime&failures=1&status=503'])
})
