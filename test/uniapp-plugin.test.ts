import { createFunctions } from '../src'
import { uniStorage, uniTransport } from '../plugins/uniapp'
import { describeTransport } from './helpers/transport-suite'
// eslint-disable-next-line @typescript-eslint/no-var-requires
const { createWx } = require('./helpers/fake-wx')

// uni.request on mp-weixin is wx.request: the transport contract over real sockets.
describeTransport('uniTransport() (uni = wx)', () => {
  ;(globalThis as any).uni = createWx()
  return uniTransport()
})

/** Each call's options, and a failure or answer chosen per test: how uni-app reports things on each platform. */
function stubUni(outcome: (options: any) => { fail?: any; success?: any }) {
  const task = { abort: jest.fn() }
  const calls: any[] = []
  ;(globalThis as any).uni = {
    request(options: any) {
      calls.push(options)
      const { fail, success } = outcome(options)
      setTimeout(() => (fail ? options.fail(fail) : success && options.success(success)), 5)
      return task
    },
  }
  const functions = createFunctions({ url: 'https://abcd.supabase.co', anonKey: 'anon', transport: uniTransport() })
  return { functions, calls, task }
}

describe('uniTransport(): what uni-app reports, classified', () => {
  it.each([
    ['H5 timeout', { errMsg: 'request:fail timeout', errCode: 5 }, 'TIMEOUT'],
    // H5 gives errCode 5 to network errors too: only the message tells them apart.
    ['H5 network error', { errMsg: 'request:fail', errCode: 5 }, 'NETWORK_ERROR'],
    ['H5 abort', { errMsg: 'request:fail abort', errCode: 600003 }, 'ABORTED'],
    ['mp-weixin timeout', { errMsg: 'request:fail timeout', errno: 5 }, 'TIMEOUT'],
    ['mp-weixin iOS timeout', { errMsg: 'request:fail 请求超时。' }, 'TIMEOUT'],
    ['mp-weixin in the background', { errMsg: 'request:fail interrupted' }, 'INTERRUPTED'],
    ['mp-weixin domain list', { errMsg: 'request:fail url not in domain list', errno: 600002 }, 'DOMAIN_NOT_ALLOWED'],
    ['mp-alipay network error', { error: 12, errorMessage: '网络出错' }, 'NETWORK_ERROR'],
    ['mp-alipay timeout', { error: 13, errorMessage: '超时' }, 'TIMEOUT'],
  ])('%s', async (_, failure, code) => {
    const { functions } = stubUni(() => ({ fail: failure }))
    const { data, error } = await functions.invoke('hello')
    expect(data).toBeNull()
    expect(error).toMatchObject({ name: 'FunctionsFetchError', code, context: failure })
  })

  it('says where to allow a domain WeChat refused', async () => {
    const { functions } = stubUni(() => ({ fail: { errMsg: 'request:fail url not in domain list', errno: 600002 } }))
    const { error } = await functions.invoke('hello')
    expect(error!.message).toMatch(
      /https:\/\/abcd\.supabase\.co is not in the mini-program's request domain list.*服务器域名.*不校验合法域名/,
    )
  })

  it("mp-alipay's non-2xx answers (sent to fail, with headers and status) are HTTP errors with the function's body", async () => {
    const { functions } = stubUni(() => ({
      fail: { error: 19, status: 418, headers: { 'Content-Type': 'application/json' }, data: '{"error":"茶壶"}' },
    }))
    const { error } = await functions.invoke('hello')
    expect(error).toMatchObject({ name: 'FunctionsHttpError', status: 418, body: { error: '茶壶' } })
  })

  it('asks for bytes, unparsed, with the call’s timeout; a timeout aborts the RequestTask', async () => {
    const { functions, calls, task } = stubUni(() => ({}))
    const { error } = await functions.invoke('hello', { timeout: 30 })
    expect(error!.code).toBe('TIMEOUT')
    expect(calls[0]).toMatchObject({
      url: 'https://abcd.supabase.co/functions/v1/hello',
      method: 'POST',
      responseType: 'arraybuffer',
      dataType: 'text',
      timeout: 30,
    })
    expect(task.abort).toHaveBeenCalledTimes(1)
  })
})

describe('uniTransport() streaming, as uni-app H5 delivers it', () => {
  it('takes the Uint8Array chunks of its RequestTask as bytes (a character split across two)', async () => {
    const bytes = Buffer.from('data: 你好\n\n')
    const handlers: Record<string, (event: any) => void> = {}
    ;(globalThis as any).uni = {
      request(options: any) {
        setTimeout(() => {
          handlers.headers({ statusCode: 200, header: { 'content-type': 'text/event-stream' } })
          // Views into a larger buffer, as a stream reader hands them out.
          handlers.chunk({ data: new Uint8Array(bytes.buffer, bytes.byteOffset, 7) })
          handlers.chunk({ data: new Uint8Array(bytes.buffer, bytes.byteOffset + 7, bytes.length - 7) })
          options.success({ statusCode: 200, header: { 'content-type': 'text/event-stream' }, data: new Uint8Array(bytes) })
        }, 5)
        return { abort() {}, onHeadersReceived: (fn: any) => (handlers.headers = fn), onChunkReceived: (fn: any) => (handlers.chunk = fn) }
      },
    }
    const functions = createFunctions({ url: 'https://abcd.supabase.co', anonKey: 'anon', transport: uniTransport() })
    const { data: stream, error } = await functions.invoke('sse', { stream: true })
    expect(error).toBeNull()
    const events: string[] = []
    await stream.listen({ onEvent: (event: any) => events.push(event.data) })
    expect(events).toEqual(['你好'])
  })
})

describe('uniStorage', () => {
  it('is uni storage', () => {
    const wx = ((globalThis as any).uni = createWx())
    uniStorage.setItem('k', { a: 1 })
    expect(wx.getStorageSync('k')).toEqual({ a: 1 })
    expect(uniStorage.getItem('k')).toEqual({ a: 1 })
    uniStorage.removeItem('k')
    expect(uniStorage.getItem('k')).toBe('')
  })
})
