// uni-app on mp-alipay: `uniTransport()` as uni-app's mp-alipay build runs it (UNI_PLATFORM 'mp-alipay',
// `uni.request` being uni-mp-alipay's request protocol over `my`), over an Alipay-shaped `my` doing real
// HTTP against the gateway.
import { createFunctions, type EventStream, FunctionsHttpError } from '../src'
import { uniTransport } from '../plugins/uniapp'
import { describeTransport, type Gateway } from './helpers/transport-suite'
// eslint-disable-next-line @typescript-eslint/no-var-requires
const { createMy } = require('./helpers/fake-my')
// eslint-disable-next-line @typescript-eslint/no-var-requires
const { createUniAlipay } = require('./helpers/fake-my/uni-alipay')
// eslint-disable-next-line @typescript-eslint/no-var-requires
const { startGateway } = require('../gateway')

const platformBefore = process.env.UNI_PLATFORM
/** A `uni` as uni-app's mp-alipay build gives it, over a fresh `my`, and the transport the build's constant picks. */
function alipayUni(platform = 'mp-alipay') {
  const my = createMy()
  const uni = createUniAlipay(my)
  ;(globalThis as any).uni = uni
  process.env.UNI_PLATFORM = platform
  return { my, uni, transport: uniTransport() }
}
afterAll(() => {
  if (platformBefore === undefined) delete process.env.UNI_PLATFORM
  else process.env.UNI_PLATFORM = platformBefore
})

describeTransport('uniTransport() on mp-alipay', () => alipayUni().transport)

describe('uniTransport() on mp-alipay', () => {
  let gw: Gateway
  beforeAll(async () => {
    gw = await startGateway()
  })
  afterAll(() => gw.close())

  const client = (transport: any) => createFunctions({ url: gw.url, anonKey: gw.anonKey, transport })

  it('headers reach the function; uni is asked for nothing it drops (no responseType warning)', async () => {
    const { my, uni, transport } = alipayUni()
    const { data } = await client(transport).invoke('mirror', { headers: { 'X-Trace': 'uni-1' } })
    expect(data.headers).toMatchObject({ apikey: gw.anonKey, authorization: `Bearer ${gw.anonKey}`, 'x-trace': 'uni-1' })
    expect(my.__requests[0].options).toMatchObject({ dataType: 'base64' })
    expect(uni.__warnings).toEqual([])
  })

  it('a PNG arrives byte for byte', async () => {
    const { data } = await client(alipayUni().transport).invoke('binary?size=1000&type=image/png', { method: 'GET' })
    expect(Array.from(new Uint8Array(data))).toEqual(Array.from({ length: 1000 }, (_, index) => index & 255))
  })

  it('a non-2xx answer, renamed by uni to { statusCode, header, data, errMsg }, is a FunctionsHttpError with its body', async () => {
    const { data, error, response } = await client(alipayUni().transport).invoke('status/400')
    expect(data).toBeNull()
    expect(error).toBeInstanceOf(FunctionsHttpError)
    expect(response!.status).toBe(400)
    expect((error as FunctionsHttpError).body).toEqual({ error: 'Bad Request', code: 400 })
  })

  it('a stream arrives whole at the end and is read through the same API', async () => {
    const { data: stream } = await client(alipayUni().transport).invoke<EventStream>('sse?count=2&interval=10', { stream: true })
    const events: string[] = []
    for await (const event of stream!) events.push(event.event)
    expect(events).toEqual(['message', 'message', 'done'])
  })

  it('failures reach the app as uni renames them: the timeout is still TIMEOUT; error 11, now only text, is a network error', async () => {
    process.env.UNI_PLATFORM = 'mp-alipay'
    ;(globalThis as any).uni = createUniAlipay(createMy({ allowedDomains: ['api.example.com'] }))
    const refused = await client(uniTransport()).invoke('hello')
    expect(refused.error).toMatchObject({
      name: 'FunctionsFetchError',
      code: 'NETWORK_ERROR',
      context: { errMsg: 'request:fail 无权跨域' },
    })
    const slow = createMy()
    const uni = createUniAlipay(slow)
    ;(globalThis as any).uni = { request: (options: any) => uni.request({ ...options, timeout: 200 }) }
    const timedOut = await client(uniTransport()).invoke('slow?ms=3000', { timeout: 5000 })
    expect(timedOut.error).toMatchObject({ code: 'TIMEOUT', context: { errMsg: 'request:fail 超时' } })
  })

  it('built for mp-weixin instead, a PNG loses its bytes (what the build constant prevents); errors are still answers', async () => {
    const { uni, transport } = alipayUni('mp-weixin')
    const png = await client(transport).invoke('binary?size=300&type=image/png', { method: 'GET' })
    expect(png.data.byteLength).not.toBe(300)
    expect(uni.__warnings).toContain('支付宝小程序 request 暂不支持 responseType')
    const { error } = await client(transport).invoke('status/400')
    expect(error!.name).toBe('FunctionsHttpError')
  })
})
