import type { TransportFailureCode } from '../errors/codes'
import type { Transport } from '../transport'
import { encodeUtf8 } from '../utf8'

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

/** What `miniProgramTransport` passes to the request function: `wx.request`'s options. */
export interface MiniProgramRequestOptions {
  url: string
  // biome-ignore lint/suspicious/noExplicitAny: each platform's typings list their own methods
  method: any
  header: Record<string, string>
  // biome-ignore lint/suspicious/noExplicitAny: each platform's typings have their own body types
  data?: any
  timeout?: number
  /** `'text'`; typed loosely, like `method`, so every platform's typings accept it (WeChat's list only `'json' | '其他'`). */
  // biome-ignore lint/suspicious/noExplicitAny: see above
  dataType: any
  responseType: 'arraybuffer'
  enableChunked?: boolean
  /** Any HTTP status. */
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
  if (errno == 5 || /time\s*out|超时/i.test(message)) return 'TIMEOUT'
  if (/abort/i.test(message)) return 'ABORTED'
  if (errno == 600002 || /domain list|合法域名/i.test(message)) return 'DOMAIN_NOT_ALLOWED'
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

function toArrayBuffer(data: unknown): ArrayBuffer {
  // Tag checks, not instanceof: platform bridges may hand over buffers from another realm.
  const tag = (value: unknown) => Object.prototype.toString.call(value)
  if (tag(data) == '[object ArrayBuffer]') return data as ArrayBuffer
  // uni-app's H5 request hands streamed chunks over as Uint8Array.
  const view = data as Uint8Array
  if (view && tag(view.buffer) == '[object ArrayBuffer]')
    return (view.buffer as ArrayBuffer).slice(view.byteOffset, view.byteOffset + view.byteLength)
  // Some platforms ignore responseType and hand back text or already-parsed JSON.
  return encodeUtf8(data == null ? '' : typeof data == 'string' ? data : JSON.stringify(data))
}

/**
 * Adapts a `wx.request`-shaped function: bytes in and out, every failure classified, and the body
 * in pieces when asked for and the task can (`enableChunked`: WeChat base library 2.20.2+).
 */
export function miniProgramTransport(request: MiniProgramRequest): Transport {
  return ({ url, method, header, data, timeout, enableChunked, onHeaders, onChunk, success, fail }) => {
    let chunked = false
    const answer = (response: MiniProgramResponse) =>
      success({
        statusCode: (response.statusCode || response.status) as number,
        header: response.header || response.headers || {},
        // Bytes already delivered in pieces are not repeated, whatever the platform puts here.
        data: chunked ? new ArrayBuffer(0) : toArrayBuffer(response.data),
      })
    const task: MiniProgramTask | undefined = request({
      url,
      method,
      header,
      data,
      timeout,
      // Anything but 'json' keeps the platform from parsing (and silently mangling) the body.
      dataType: 'text',
      responseType: 'arraybuffer',
      enableChunked,
      success: answer,
      fail: (failure) => {
        if (failure && failure.status) return answer(failure)
        const code = classifyFailure(failure)
        fail(failure, code, hintFor(code, url))
      },
    })
    if (enableChunked && onHeaders && onChunk && task && task.onHeadersReceived && task.onChunkReceived) {
      task.onHeadersReceived((head) =>
        onHeaders({ statusCode: (head.statusCode || head.status) as number, header: head.header || head.headers || {} }),
      )
      task.onChunkReceived((chunk) => {
        chunked = true
        onChunk(toArrayBuffer(chunk.data))
      })
    }
    return {
      abort() {
        if (task && typeof task.abort == 'function') task.abort()
      },
    }
  }
}
