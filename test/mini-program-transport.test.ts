import { createFunctions, miniProgramTransport, retry, type Feature, type MiniProgramRequestOptions } from '../src'
import { classifyFailure } from '../src/transports/mini-program'
import { describeTransport } from './helpers/transport-suite'
// eslint-disable-next-line @typescript-eslint/no-var-requires
const { createWx } = require('./helpers/fake-wx')
// eslint-disable-next-line @typescript-eslint/no-var-requires
const { startGateway } = require('../gateway')

describeTransport('miniProgramTransport(wx.request)', () => miniProgramTransport(createWx().request))

describe('miniProgramTransport', () => {
  const call = (request: (options: MiniProgramRequestOptions) => any) =>
    createFunctions({ url: 'https://a.supabase.co', anonKey: 'k', transport: miniProgramTransport(request) }).invoke('x')

  it('asks for bytes and for no JSON parsing by the platform', async () => {
    let seen: MiniProgramRequestOptions | undefined
    await call((options) => {
      seen = options
      options.success({ statusCode: 200, header: {}, data: new ArrayBuffer(0) })
    })
    expect(seen).toMatchObject({ responseType: 'arraybuffer', dataType: 'text', method: 'POST' })
  })

  it('takes Alipay’s shapes: headers/status names, and non-2xx answers delivered to fail', async () => {
    const ok = await call((options) => options.success({ status: 200, headers: { 'Content-Type': 'application/json' }, data: '{"a":1}' }))
    expect(ok.data).toEqual({ a: 1 })
    const failed = await call((options) =>
      options.fail({
        error: 19,
        errorMessage: 'http status error',
        status: 500,
        headers: { 'content-type': 'application/json' },
        data: { msg: '失败' },
      }),
    )
    expect(failed.error!.name).toBe('FunctionsHttpError')
    expect((failed.error as any).status).toBe(500)
    expect((failed.error as any).body).toEqual({ msg: '失败' })
  })

  it('turns text a platform hands back (despite responseType) into UTF-8 bytes', async () => {
    const { data } = await call((options) => options.success({ statusCode: 200, header: { 'content-type': 'text/plain' }, data: '中文' }))
    expect(data).toBe('中文')
  })

  it('aborts the platform task', async () => {
    let aborted = 0
    const result = createFunctions({
      url: 'https://a.supabase.co',
      transport: miniProgramTransport(() => ({ abort: () => aborted++ })),
    }).invoke('x', { timeout: 20 })
    expect((await result).error!.code).toBe('TIMEOUT')
    expect(aborted).toBe(1)
  })

  it('says where to allow a domain the mini-program refuses, and sends nothing', async () => {
    const wx = createWx({ allowedDomains: ['api.example.com'] })
    const functions = createFunctions({ url: 'http://127.0.0.1:9', anonKey: 'k', transport: miniProgramTransport(wx.request) })
    const { error } = await functions.invoke('hello')
    expect(error!.name).toBe('FunctionsFetchError')
    expect(error!.code).toBe('DOMAIN_NOT_ALLOWED')
    expect(error!.message).toMatch(
      /^Failed to send a request to the Edge Function: http:\/\/127\.0\.0\.1:9 is not in the mini-program's request domain list/,
    )
    expect(error!.message).toMatch(/服务器域名/)
    expect(error!.message).toMatch(/不校验合法域名/)
    expect(error!.context.errno).toBe(600002)
  })

  it('keeps the functions-js message for failures it has no advice on', async () => {
    const { error } = await call((options) => options.fail({ errMsg: 'request:fail interrupted' }))
    expect(error!.code).toBe('INTERRUPTED')
    expect(error!.message).toBe('Failed to send a request to the Edge Function')
  })

  it.each([
    [{ errMsg: 'request:fail timeout', errno: 5 }, 'TIMEOUT'],
    [{ errMsg: 'request:fail timeout' }, 'TIMEOUT'],
    [{ errMsg: 'request:fail 请求超时。' }, 'TIMEOUT'],
    [{ errMsg: 'request:fail socket time out' }, 'TIMEOUT'],
    [{ errMsg: 'request:fail abort', errno: 1 }, 'ABORTED'],
    [{ errMsg: 'request:fail interrupted' }, 'INTERRUPTED'],
    // A request started while the app is suspended (WeChat's words, from its developer community).
    [
      {
        errMsg:
          'request:fail createRequestTask:fail: jsapi has no permission, event=createRequestTask, runningState=suspend, permissionMsg=permission ok, detail=network api interrupted in suspend state',
      },
      'INTERRUPTED',
    ],
    [{ errMsg: 'request:fail url not in domain list', errno: 600002 }, 'DOMAIN_NOT_ALLOWED'],
    [{ errMsg: 'request:fail url not in domain list' }, 'DOMAIN_NOT_ALLOWED'],
    [{ errMsg: 'request:fail 不在以下 request 合法域名列表中' }, 'DOMAIN_NOT_ALLOWED'],
    [{ errMsg: 'request:fail -2:net::ERR_FAILED' }, 'NETWORK_ERROR'],
    [{ error: 13, errorMessage: '超时' }, 'TIMEOUT'],
    [{ error: 12, errorMessage: '网络出错' }, 'NETWORK_ERROR'],
    [undefined, 'NETWORK_ERROR'],
  ])('classifies %p as %s', (failure, code) => {
    expect(classifyFailure(failure as any)).toBe(code)
  })
})

describe('the app goes to the background (INTERRUPTED)', () => {
  let gw: any
  beforeAll(async () => {
    gw = await startGateway()
  })
  afterAll(() => gw.close())

  it('a request in flight when WeChat cuts it ends as INTERRUPTED; retried only when the client asks', async () => {
    const wx = createWx()
    const client = (features: Feature[] = []) =>
      createFunctions({ url: gw.url, anonKey: gw.anonKey, transport: miniProgramTransport(wx.request), features })
    const cut = () => setTimeout(() => wx.__interrupt(), 100)
    cut()
    const plain = await client().invoke('slow?ms=2000', { method: 'GET' })
    expect(plain.error!.code).toBe('INTERRUPTED')
    cut()
    const retried = [retry({ delay: 300 })]
    const notByDefault = await client(retried).invoke('slow?ms=2000', { method: 'GET' })
    expect(notByDefault.error!.code).toBe('INTERRUPTED')
    expect(notByDefault.error!.message).not.toMatch(/attempts/)
    cut()
    // Back in the foreground by the time the wait is over: the second attempt succeeds.
    const asked = await client(retried).invoke('slow?ms=300', { method: 'GET', retry: { failures: ['NETWORK_ERROR', 'INTERRUPTED'] } })
    expect(asked.error).toBeNull()
    expect(asked.response!.headers.get('x-retry-attempts')).toBe('2')
  })
})
