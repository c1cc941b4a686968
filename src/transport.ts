import type { AbortSignalLike } from './abort'
import type { TransportFailureCode } from './errors/codes'
import type { RetryOptions } from './features/retry-options'
import type { HttpMethod } from './methods'
import type { StreamOptions } from './stream/stream-options'

/** A `Blob` or `FormData`, where the platform has them: handed to the transport untouched. */
export type PlatformBody = object

/** The settings of the call a request serves, for the layers between the client and the transport. */
export interface CallSettings {
  /** This call's retry options over the client's; `false` sends it once. */
  retry?: RetryOptions | false
  /** How the answer is read: see `InvokeOptions.stream`. */
  stream?: boolean | StreamOptions
  /** The call's signal: it outlives the call's resolution, to cancel a stream. */
  signal?: AbortSignalLike
}

/** The status and headers of an answer, before its body. */
export interface AnswerHead {
  statusCode: number
  /** As the server sent them (any casing). */
  header: Record<string, string>
}

/** One HTTP request, shaped after `wx.request` so mini-program transports stay thin. */
export interface TransportOptions {
  url: string
  method: HttpMethod
  /** Header names keep the caller's casing; no two differ only by case. */
  header: Record<string, string>
  data?: string | ArrayBuffer | PlatformBody
  /** Milliseconds; a hint for platforms with their own limit. The client enforces the call's timeout itself. */
  timeout?: number
  /** The call this request serves; absent for the SDK's own requests (a token refresh). */
  call?: CallSettings
  /** Asks a transport that can stream to deliver the body in pieces: `onHeaders` once, then `onChunk`s. */
  enableChunked?: boolean
  /**
   * With `enableChunked`: the status and headers, before the first `onChunk`. Returns `true` when the
   * body is wanted in pieces; a transport that can choose reads any other body whole.
   */
  onHeaders?(head: AnswerHead): boolean | void
  /** Bytes delivered here are not repeated in `success`'s `data`. */
  onChunk?(bytes: ArrayBuffer): void
  /** The answer, whatever its HTTP status, once it is complete. Called at most once, and never after `fail`. */
  success(response: TransportResponse): void
  /**
   * `error` is what the platform failed with; it becomes `FunctionsFetchError.context`. `hint`, if
   * given, is appended to the error's message (start it with `': '`): what the user can do about it.
   */
  fail(error: unknown, code?: TransportFailureCode, hint?: string): void
}

/** An answer as a transport hands it to the client. */
export interface TransportResponse extends AnswerHead {
  /** The body's bytes. */
  data: ArrayBuffer
  /** A body handed over as it arrives (the built-in stream reader's `EventStream`): it becomes `data`. */
  body?: unknown
}

/** What a transport returns: how the client cancels the request (on timeout, abort or a stream's cancel). */
export interface TransportTask {
  /** Cancels the request; the transport may still report its end, which the client ignores. */
  abort(): void
}

/** The HTTP layer: `fetchTransport()`, `miniProgramTransport(wx.request)`, or the framework plugins' own. */
export type Transport = (options: TransportOptions) => TransportTask | void
