// The platforms whose request copies wx.request — QQ, JD, Douyin (tt) and Baidu (swan) — each held to the
// transport contract over a stand-in that follows its documented request shape where it differs from
// WeChat's (see PLATFORMS in helpers/fake-wx/request.js): none documents `enableChunked`, tt and swan
// number their failures in their own fields, and swan.request sends text only. Real HTTP against the gateway.
import { createFunctions, type EventStream, FunctionsHttpError, FunctionsRequestError, miniProgramTransport } from '../src'
import { describeTransport, type Gateway } from './helpers/transport-suite'
// eslint-disable-next-line @typescript-eslint/no-var-requires
const { createWx } = require('./helpers/fake-wx')
// eslint-disable-next-line @typescript-eslint/no-var-requires
const { startGateway } = require('../gateway')

describeTransport('miniProgramTransport(qq.request)', () => miniProgramTransport(createWx({ platform: 'qq' }).request))
describeTransport('miniProgramTransport(jd.request)', () => miniProgramTransport(createWx({ platform: 'jd' }).request))
describeTransport('miniProgramTransport(tt.request)', () => miniProgramTransport(createWx({ platform: 'tt' }).request))
describeTransport(
  "miniProgramTransport(swan.request, { platform: 'baidu' })",
  () => miniProgramTransport(createWx({ platform: 'swan' }).request, { platform: 'baidu' }),
  { textBodiesOnly: true },
)

describe('the platforms without chunks', () => {
  let gw: Gateway
  beforeAll(async () => {
    gw = await startGateway()
  })
  afterAll(() => gw.close())
  const client = (platform: string, options = {}) => {
    const api = createWx({ platform })
    const transport = miniProgramTransport(api.request, platform == 'swan' ? { platform: 'baidu' } : {})
    return { api, functions: createFunctions({ url: gw.url, anonKey: gw.anonKey, transport }) }
  }

  it.each(['qq', 'jd', 'tt', 'swan'])('%s: a stream arrives whole at the end and is read through the same API', async (platform) => {
    const { functions } = client(platform)
    const { data: stream, error } = await functions.invoke<EventStream>('sse?count=3&interval=20', { stream: true })
    expect(error).toBeNull()
    const events: string[] = []
    await stream!.listen({ onEvent: ({ event }) => events.push(event) })
    expect(events).toEqual(['message', 'message', 'message', 'done'])
  })

  it('swan: asked in its own terms (dataType "string", an answer as bytes), a non-2xx answer is a FunctionsHttpError', async () => {
    const { api, functions } = client('swan')
    const { error } = await functions.invoke('status/400')
    expect(error).toBeInstanceOf(FunctionsHttpError)
    expect((error as FunctionsHttpError).body).toEqual({ error: 'Bad Request', code: 400 })
    expect(api.__requests[0]).toMatchObject({ dataType: 'string', responseType: 'arraybuffer' })
  })

  it('swan over the WeChat shape would send a binary body as "{}": the Baidu shape says why it cannot', async () => {
    const { api, functions: baiduShaped } = client('swan')
    const wechatShaped = createFunctions({ url: gw.url, anonKey: gw.anonKey, transport: miniProgramTransport(api.request) })
    const bytes = new Uint8Array([1, 2, 3])
    const { data } = await wechatShaped.invoke('binary', { body: bytes })
    expect(Array.from(new Uint8Array(data))).toEqual(Array.from(Buffer.from('{}')))
    const { error } = await baiduShaped.invoke('binary', { body: bytes })
    expect(error).toBeInstanceOf(FunctionsRequestError)
    expect(error!.message).toBe('swan.request (Baidu) sends text only: send bytes as base64 in JSON, or upload them with swan.uploadFile')
  })
})
