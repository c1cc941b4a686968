import type { TransportFailureCode } from '../errors/codes'
import type { Transport } from '../transport'
import { type MiniProgramPlatform, type RequestShape, shapeOf } from './request-shapes'

/** An answer as `wx.request` (and its kin) hand it to `success`. */
export interface MiniProgramResponse {
  statusCode?: number
  header?: Record<string, string>
  /** Alipay's names. */
  status?: number
  headers?: Record<string, string>
  data?: unknown
}

/** How `wx.request` (and its kin) report a failure; Alipay also sends non-2xx answers here. */
export interface MiniProgramFailure extends MiniProgramResponse {
  errMsg?: string
  errno?: number
  errorMessage?: string
  error?: number
}

/** What `miniProgramTransport` passes to the request function: `wx.request`'s options, or `my.request`'s (see `MiniProgramPlatform`). */
export interface MiniProgramRequestOptions {
  url: string
  // biome-ignore lint/suspicious/noExplicitAny: each platform's typings list their own methods
  method: any
  header: Record<string, string>
  /** Alipay's name for `header` (`platform: 'alipay'`). */
  headers?: Record<string, string>
  // biome-ignore lint/suspicious/noExplicitAny: each platform's typings have their own body types
  data?: any
  timeout?: number
  /** `'text'`, or `'base64'` on Alipay; typed loosely, like `method`, so every platform's typings accept it (WeChat's list only `'json' | '其他'`). */
  // biome-ignore lint/suspicious/noExplicitAny: see above
  dataType: any
  /** Absent on Alipay, which has no such option. */
  responseType?: 'arraybuffer'
  enableChunked?: boolean
  /** Any HTTP status (Alipay: 2xx only). */
  success(response: MiniProgramResponse): void
  /** No answer (or, on Alipay, a non-2xx one). */
  fail(failure: MiniProgramFailure): void
}

/** The `RequestTask` parts the transport uses; each is feature-detected. */
export interface MiniProgramTask {
  abort?(): void
  onHeadersReceived?(listener: (head: MiniProgramResponse) => void): void
  onChunkReceived?(listener: (chunk: { data: ArrayBuffer }) => void): void
}

/**
 * `wx.request`, `my.request`, `tt.request`, `Taro.request`, `uni.request`: any function of this shape.
 * It must return the platform's task: with `enableChunked` the body arrives only through the task.
 */
// biome-ignore lint/suspicious/noExplicitAny: platforms return their own task types
export type MiniProgramRequest = (options: MiniProgramRequestOptions) => any

/** The one place a mini-program failure is classified: by errno where known, else by a pattern (messages vary and are localized). */
export function classifyFailure(failure: MiniProgramFailure): TransportFailureCode {
  const message = String((failure && (failure.errMsg || failure.errorMessage)) || '')
  const errno = failure && failure.errno
  // Alipay numbers its failures in `error`: 11 no permission for the domain, 13 timeout (12 network, 14 decoding).
  const alipayError = failure && failure.error
  if (errno == 5 || alipayError == 13 || /time\s*out|超时/i.test(message)) return 'TIMEOUT'
  if (/abort/i.test(message)) return 'ABORTED'
  if (errno == 600002 || alipayError == 11 || /domain list|合法域名/i.test(message)) return 'DOMAIN_NOT_ALLOWED'
  // WeChat fails requests still running 5 s after the app went to the background.
  if (/interrupted|中断/i.test(message)) return 'INTERRUPTED'
  return 'NETWORK_ERROR'
}

/** What to do about a failure, appended to the error's message. */
function hintFor(code: TransportFailureCode, url: string): string | undefined {
  if (code == 'DOMAIN_NOT_ALLOWED') {
    const origin = url.split('/').slice(0, 3).join('/')
    return `: ${origin} is not in the mini-program's request domain list: add it in the console (开发设置 → 服务器域名), or tick 不校验合法域名 in DevTools while developing`
  }
}

/** The status a platform put in an answer, or in a failure that is an answer (Alipay's non-2xx, under either layer's names). */
const statusIn = (response: MiniProgramResponse) => response.statusCode || response.status

/** The options of `miniProgramTransport`. */
export interface MiniProgramTransportOptions {
  /** Whose `request` this is: `'alipay'` for `my.request`, `'baidu'` for `swan.request`; `'wechat'` (the default) for `wx.request` and its kin. */
  platform?: MiniProgramPlatform
}

/**
 * Adapts a `wx.request`-shaped function (or `my.request` with `platform: 'alipay'`, `swan.request` with
 * `platform: 'baidu'`): bytes in and out,
 * every failure classified, and the body in pieces when asked for and the task can (`enableChunked`:
 * WeChat base library 2.20.2+).
 */
export function miniProgramTransport(request: MiniProgramRequest, options: MiniProgramTransportOptions = {}): Transport {
  const shape = shapeOf(options.platform)
  if (shape) return shapedTransport(request, shape)
  const problem = `: miniProgramTransport: unknown platform ${JSON.stringify(options.platform)}, expected 'wechat', 'alipay' or 'baidu'`
  return ({ fail }) => fail(new TypeError(problem.slice(2)), 'NETWORK_ERROR', problem)
}

/** `miniProgramTransport` over one platform's request shape; the plugins pick the shape at build time. */
export function shapedTransport(request: MiniProgramRequest, shape: RequestShape): Transport {
  return ({ url, method, header, data, timeout, enableChunked, onHeaders, onChunk, success, fail }) => {
    const chunks = enableChunked && shape.canChunk
    let chunked = false
    const answer = (response: MiniProgramResponse) =>
      success({
        statusCode: statusIn(response) as number,
        header: response.header || response.headers || {},
        // Bytes already delivered in pieces are not repeated, whatever the platform puts here.
        data: chunked ? new ArrayBuffer(0) : shape.bytes(response.data),
      })
    const options: MiniProgramRequestOptions = {
      url,
      method,
      data,
      timeout,
      // Asked for only where the task can deliver pieces.
      enableChunked: chunks,
      ...shape.fields(header, data),
      success: answer,
      fail: (failure: MiniProgramFailure) => {
        if (failure && statusIn(failure)) return answer(failure)
        const code = classifyFailure(failure)
        fail(failure, code, hintFor(code, url))
      },
    }
    const task: MiniProgramTask | undefined = request(options)
    if (chunks && onHeaders && onChunk && task && task.onHeadersReceived && task.onChunkReceived) {
      task.onHeadersReceived((head) => onHeaders({ statusCode: statusIn(head) as number, header: head.header || head.headers || {} }))
      task.onChunkReceived((chunk) => {
        chunked = true
        onChunk(shape.bytes(chunk.data))
      })
    }
    return {
      abort() {
        if (task && typeof task.abort == 'function') task.abort()
      },
    }
  }
}
