import type { AbortSignalLike } from './abort'
import type { FunctionsError } from './errors/FunctionsError'
import type { FunctionsErrorCode } from './errors/codes'
import type { RetryOptions } from './features/retry-options'
import type { HttpMethod } from './methods'
import type { FunctionRegion } from './region'
import type { StreamOptions } from './stream/stream-options'

/** Sync or async key/value storage: `localStorage`, or a wrapper over `wx`/`Taro`/`uni` storage. */
export interface SessionStorage {
  /** The stored value (a JSON string or an object), or nothing; may return a promise. */
  getItem(key: string): unknown
  /** Stores a refreshed session in the format it was read in. */
  setItem(key: string, value: unknown): unknown
  /** Removes a session the server refused to refresh (signed out). */
  removeItem(key: string): unknown
}

/** The signed-in user's session as supabase-js / supabase-wechat-stable-v2 store it. */
export interface Session {
  access_token: string
  refresh_token?: string
  /** Unix seconds. */
  expires_at?: number
  expires_in?: number
  token_type?: string
  user?: unknown
  [key: string]: unknown
}

/** One query parameter: an array repeats the key (`?tag=a&tag=b`); `null` / `undefined` leave it out. */
export type QueryValue = string | number | boolean | null | undefined | ReadonlyArray<string | number | boolean | null | undefined>

/** Query parameters, percent-encoded after the ones already in the function name. */
export type QueryParams = { [key: string]: QueryValue }

/** The options of one `invoke`. */
export interface InvokeOptions {
  /** Default `POST`. */
  method?: HttpMethod
  headers?: Record<string, string | number | boolean | undefined>
  body?: unknown
  /** Appended, percent-encoded, to the function's address: `{ page: 2, q: '中文' }` → `?page=2&q=%E4%B8%AD%E6%96%87`. */
  query?: QueryParams
  region?: FunctionRegion | (string & {})
  /** Milliseconds; `0` means none. Overrides the client's. For a streamed answer, it ends when the headers arrive. */
  timeout?: number
  /** Aborts the call; for a streamed answer, also the stream after the call resolved. */
  signal?: AbortSignalLike
  /**
   * How the answer is read. Left out: a 2xx `text/event-stream` answer is an `EventStream` in `data`
   * from its headers on, and any other answer is read whole. `true` (or `{ idleTimeout }`): the call
   * wants a stream: `text/plain` streams too, and any other 2xx answer is an `INVALID_RESPONSE` error.
   * `false`: every answer is read whole (an event stream then waits for its end, and `data` is the response).
   */
  stream?: boolean | StreamOptions
  /** This call's options for the `retry` feature, over the client's; `false` sends it once. */
  retry?: RetryOptions | false
}

/** A read-only `Headers`: names are case-insensitive. */
export interface HeadersLike {
  /** The value, or `null` when absent. */
  get(name: string): string | null
  /** Whether the header is present. */
  has(name: string): boolean
  /** Each header, its name lower-cased. */
  forEach(callback: (value: string, name: string) => void): void
}

/** What `response` and `error.context` are: enough of `Response` for the functions-js habits. */
export interface ResponseLike {
  readonly url: string
  readonly status: number
  readonly ok: boolean
  readonly headers: HeadersLike
  /** Readable any number of times, also after `invoke` parsed the body. Empty for a streamed answer: read `data`. */
  text(): Promise<string>
  /** The body parsed as JSON; rejects when it is not JSON. */
  // biome-ignore lint/suspicious/noExplicitAny: as `Response.json()`
  json(): Promise<any>
  /** A copy of the body's bytes. */
  arrayBuffer(): Promise<ArrayBuffer>
}

/** A successful call: `data` is the parsed body (JSON, text, `ArrayBuffer`, an `EventStream` or the response). */
export interface FunctionsResponseSuccess<T> {
  data: T
  error: null
  response: ResponseLike
}

/** An error `invoke` resolves with: always with its `code`. */
export type InvokeError = FunctionsError & { code: FunctionsErrorCode }

/** A failed call: `error.code` says why. */
export interface FunctionsResponseFailure {
  data: null
  error: InvokeError
  /** Present whenever an answer arrived (HTTP, relay and invalid-response errors). */
  response?: ResponseLike
}

/** What `invoke` resolves with: check `error` first, then `data` is typed. */
export type FunctionsResponse<T> = FunctionsResponseSuccess<T> | FunctionsResponseFailure
