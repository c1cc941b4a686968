// Native Alipay: `miniProgramTransport(my.request, { platform: 'alipay' })` over an Alipay-shaped `my`
// doing real HTTP against the gateway (test/helpers/fake-my follows my.request's documented shapes).
import { createFunctions, type EventStream, FunctionsHttpError, miniProgramTransport } from '../src'
import { decodeBase64 } from '../src/base64'
import { describeTransport, type Gateway } from './helpers/transport-suite'
// eslint-disable-next-line @typescript-eslint/no-var-requires
const { createMy } = require('./helpers/fake-my')
// eslint-disable-next-line @typescript-eslint/no-var-requires
const { startGateway } = require('../gateway')

describeTransport("miniProgramTransport(my.request, { platform: 'alipay' })", () =>
  miniProgramTransport(createMy().request, { platform: 'alipay' }),
)

describe('native Alipay', () => {
  let gw: Gateway
  beforeAll(async () => {
    gw = await startGateway()
  })
  afterAll(() => gw.close())

  const client = (my: any, platform?: 'alipay' | 'wechat') =>
    createFunctions({ url: gw.url, anonKey: gw.anonKey, transport: miniProgramTransport(my.request, { platform }) })

  it('asks my.request in its own shape: headers in `headers`, base64 answers, no responseType, no chunks asked for', async () => {
    const my = createMy()
    const { data } = await client(my, 'alipay').invoke('mirror', { headers: { 'X-Trace': 'my-1' } })
    expect(data.headers).toMatchObject({ apikey: gw.anonKey, authorization: `Bearer ${gw.anonKey}`, 'x-trace': 'my-1' })
    const [sent] = my.__requests
    expect(sent.options).toMatchObject({ method: 'POST', dataType: 'base64', headers: expect.objectContaining({ apikey: gw.anonKey }) })
    expect(sent.options).not.toHaveProperty('responseType')
    expect(sent.options.enableChunked).toBeFalsy()
  })

  it('the fake holds the transport to Alipay’s shapes: in the WeChat shape, headers and binary are lost', async () => {
    const my = createMy()
    const { error } = await client(my, 'wechat').invoke('mirror')
    // my.request read no `headers`: the relay saw no apikey.
    expect(my.__requests[0].headers).not.toHaveProperty('apikey')
    expect(error!.name).toBe('FunctionsRelayError')
    // Headers passed on by hand, but still dataType 'text': each byte of the PNG past 0x7f is lost.
    const withHeaders = (options: any) => my.request({ ...options, headers: options.header })
    const functions = createFunctions({ url: gw.url, anonKey: gw.anonKey, transport: miniProgramTransport(withHeaders) })
    const png = await functions.invoke('binary?size=300&type=image/png', { method: 'GET' })
    expect(png.error).toBeNull()
    expect(png.data.byteLength).not.toBe(300)
    expect(Buffer.from(png.data).toString('utf8')).toContain('\ufffd')
  })

  it('a PNG arrives byte for byte', async () => {
    const { data, error } = await client(createMy(), 'alipay').invoke('binary?size=70000&type=image/png', { method: 'GET' })
    expect(error).toBeNull()
    const bytes = new Uint8Array(data)
    expect(bytes.length).toBe(70000)
    expect(bytes.every((byte, index) => byte === (index & 255))).toBe(true)
  })

  it('a non-2xx answer (Alipay’s error 19) is a FunctionsHttpError with status, headers and body', async () => {
    const { data, error, response } = await client(createMy(), 'alipay').invoke('status/422')
    expect(data).toBeNull()
    expect(error).toBeInstanceOf(FunctionsHttpError)
    expect(response!.status).toBe(422)
    expect(response!.headers.get('Content-Type')).toMatch(/json/)
    expect((error as FunctionsHttpError).body).toEqual({ error: 'Unprocessable Entity', code: 422 })
  })

  it('an error body handed over as text (not base64) is still the error’s body', async () => {
    const request = (options: any) =>
      setTimeout(() => options.fail({ error: 19, errorMessage: 'http status error', status: 500, headers: {}, data: '出错了!' }), 1)
    const functions = createFunctions({ url: gw.url, transport: miniProgramTransport(request, { platform: 'alipay' }) })
    const { error } = await functions.invoke('x')
    expect((error as FunctionsHttpError).body).toBe('出错了!')
  })

  it('a stream arrives whole at the end and is read through the same API', async () => {
    const { data: stream, error } = await client(createMy(), 'alipay').invoke<EventStream>('sse?count=3&interval=10', { stream: true })
    expect(error).toBeNull()
    const events: string[] = []
    for await (const event of stream!) events.push(event.data)
    expect(events).toEqual([1, 2, 3].map((i) => JSON.stringify({ index: i, text: `第${i}条消息：你好` })).concat('[DONE]'))
  })

  it.each([
    ['a domain outside the whitelist (error 11)', { allowedDomains: ['api.example.com'] }, 'slow?ms=10', 'DOMAIN_NOT_ALLOWED'],
    ['a timeout (error 13)', {}, 'slow?ms=3000', 'TIMEOUT'],
  ])('%s is classified', async (_, options, name, code) => {
    const my = createMy(options)
    // The platform's own timeout, shorter than the call's: Alipay's failure is what ends the call.
    const request = (sent: any) => my.request({ ...sent, timeout: 200 })
    const functions = createFunctions({
      url: gw.url,
      anonKey: gw.anonKey,
      transport: miniProgramTransport(request, { platform: 'alipay' }),
    })
    const { error } = await functions.invoke(name, { timeout: 5000 })
    expect(error!.name).toBe('FunctionsFetchError')
    expect(error!.code).toBe(code)
  })

  it('an unknown platform: every call fails with a typed error naming the choices, nothing sent', async () => {
    const my = createMy()
    const transport = miniProgramTransport(my.request, { platform: 'alipy' as 'alipay' })
    const { data, error } = await createFunctions({ url: gw.url, transport }).invoke('hello')
    expect(data).toBeNull()
    expect(error!.name).toBe('FunctionsFetchError')
    expect(error!.message).toMatch(/unknown platform "alipy", expected 'wechat', 'alipay' or 'baidu'/)
    expect(my.__requests).toHaveLength(0)
  })
})

describe('decodeBase64', () => {
  const bytes = (text: string) => Array.from(new Uint8Array(decodeBase64(text) as ArrayBuffer))

  it('decodes every length and all 256 byte values as Node does', () => {
    const all = Buffer.from(Array.from({ length: 256 }, (_, index) => index))
    for (let length = 0; length <= all.length; length++) {
      const part = all.subarray(0, length)
      expect(bytes(part.toString('base64'))).toEqual(Array.from(part))
    }
  })

  it('ignores line breaks; refuses what is not base64', () => {
    expect(bytes('5Lit\r\n5paH')).toEqual(Array.from(Buffer.from('中文')))
    for (const text of ['abc', '出错了!', '{"a":1}', 'ab=c', 'a===', '====', 'ab-_']) expect(decodeBase64(text)).toBeUndefined()
  })
})
