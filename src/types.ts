import type { FunctionsError } from './errors/FunctionsError'
import type { FunctionRegion } from './region'
import type { InvokeFor } from './registry'

/**
 * What went wrong, stable across releases:
 * - `HTTP_ERROR`: the function answered with a non-2xx status (`FunctionsHttpError`)
 * - `RELAY_ERROR`: the Supabase relay failed the call, header `x-relay-error: true` (`FunctionsRelayError`)
 * - `NETWORK_ERROR`: the request could not be sent or the connection broke (`FunctionsFetchError`)
 * - `TIMEOUT`: `timeout` ran out before the answer was complete (`FunctionsFetchError`)
 * - `ABORTED`: `signal` aborted the call (`FunctionsFetchError`)
 * - `DOMAIN_NOT_ALLOWED`: the mini-program refused the address: its domain is not in the request domain list (`FunctionsFetchError`)
 * - `INTERRUPTED`: the platform cut the request because the app went to the background (`FunctionsFetchError`)
 * - `INVALID_REQUEST`: the call or the client's options are wrong; nothing was sent (`FunctionsRequestError`)
 * - `INVALID_RESPONSE`: a 2xx answer whose body does not match its Content-Type (`FunctionsResponseError`)
 * - `HOOK_ERROR`: a hook of `withHooks` threw (`FunctionsHookError`)
 */
export type FunctionsErrorCode =
  | 'HTTP_ERROR'
  | 'RELAY_ERROR'
  | 'NETWORK_ERROR'
  | 'TIMEOUT'
  | 'ABORTED'
  | 'DOMAIN_NOT_ALLOWED'
  | 'INTERRUPTED'
  | 'INVALID_REQUEST'
  | 'INVALID_RESPONSE'
  | 'HOOK_ERROR'

/** The codes a transport may report when a request fails. */
export type TransportFailureCode = 'NETWORK_ERROR' | 'TIMEOUT' | 'ABORTED' | 'DOMAIN_NOT_ALLOWED' | 'INTERRUPTED'

/** The methods `invoke` sends; WeChat's `wx.request` has no `PATCH`. */
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'HEAD' | 'OPTIONS'

/** A `Blob` or `FormData`, where the platform has them: handed to the transport untouched. */
export type PlatformBody = object

/** One HTTP request, shaped after `wx.request` so mini-program transports stay thin. */
export interface TransportOptions {
  url: string
  method: HttpMethod
  /** Header names keep the caller's casing; no two differ only by case. */
  header: Record<string, string>
  data?: string | ArrayBuffer | PlatformBody
  /** Milliseconds; a hint for platforms with their own default (WeChat: 60 s). The client enforces it too. */
  timeout?: number
  /**
   * The options of the `invoke` this request serves, as the caller gave them (read them, never change
   * them), so transport wrappers can honour per-call settings such as `retry`. Absent for the SDK's own
   * requests (a token refresh).
   */
  invoke?: InvokeOptions
  /** Asks a transport that can stream to deliver the body in pieces: `onHeaders` once, then `onChunk`s. */
  enableChunked?: boolean
  /** With `enableChunked`: the status and headers, before the first `onChunk`. */
  onHeaders?(head: { statusCode: number; header: Record<string, string> }): void
  /** Bytes delivered here are not repeated in `success`'s `data`. */
  onChunk?(bytes: ArrayBuffer): void
  /** The answer, whatever its HTTP status. Called at most once, and never after `fail`. */
  success(response: TransportResponse): void
  /**
   * `error` is what the platform failed with; it becomes `FunctionsFetchError.context`. `hint`, if
   * given, is appended to the error's message (start it with `': '`): what the user can do about it.
   */
  fail(error: unknown, code?: TransportFailureCode, hint?: string): void
}

/** An answer as a transport hands it to the client. */
export interface TransportResponse {
  statusCode: number
  /** As the server sent them (any casing). */
  header: Record<string, string>
  /** The body's bytes. */
  data: ArrayBuffer
  /** Decodes UTF-8 text; required where the platform has no `TextDecoder` (`miniProgramTransport` supplies it). */
  decode?(bytes: ArrayBuffer): string
  /** A body handed over as a stream (by `eventStreams()`): it becomes `data`. */
  body?: unknown
}

/** What a transport returns: how the client cancels the request (on timeout or abort). */
export interface TransportTask {
  /** Cancels the request; the transport may still report its end, which the client ignores. */
  abort(): void
}

/** The HTTP layer: `fetchTransport()`, `miniProgramTransport(wx.request)`, or the framework plugins' own. */
export type Transport = (options: TransportOptions) => TransportTask | void

/** `AbortSignal`, a polyfill's, or `createAbortController().signal`. */
export interface AbortSignalLike {
  readonly aborted: boolean
  readonly reason?: any
  /** Called once the signal aborts. */
  addEventListener(type: 'abort', listener: () => void): void
  /** Called when the call ends, so a long-lived signal keeps no listeners. */
  removeEventListener(type: 'abort', listener: () => void): void
}

/** Sync or async key/value storage: `localStorage`, or a wrapper over `wx`/`Taro`/`uni` storage. */
export interface SessionStorage {
  /** The stored value (a JSON string or an object), or nothing; may return a promise. */
  getItem(key: string): unknown
  /** Stores a refreshed session in the format it was read in. */
  setItem(key: string, value: any): unknown
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

/** The options of `createFunctions`. */
export interface FunctionsOptions {
  /** Project URL, e.g. `https://<ref>.supabase.co` or `https://<ref>.baseapi.memfiredb.com`. */
  url?: string
  /** The project's anon (public) key: sent as `apikey`, and as the Bearer token when no user is signed in. */
  anonKey?: string
  /** The HTTP layer: `fetchTransport()`, `miniProgramTransport(wx.request)`, or a plugin's. */
  transport: Transport
  /** Where bare function names go; default `${url}/functions/v1`. For MemFire: `https://functions1.memfiredb.com/<id>`. */
  functionsUrl?: string
  /** Other origins allowed to receive the keys and the user's token, e.g. `['https://functions1.memfiredb.com']`. */
  trustedOrigins?: string[]
  /** Sent with every call (below the call's own headers). */
  headers?: Record<string, string>
  /** Default region for every call (`x-region` and `forceFunctionRegion`); `'any'` means none. */
  region?: FunctionRegion | (string & {})
  /** Default timeout for every call, in milliseconds. */
  timeout?: number
  /**
   * Supplies the signed-in user's access token for each call: `sessionFromStorage(storage)`, or your
   * own (e.g. from supabase-js). Without one, or when it gives nothing, the anon key is the Bearer token.
   */
  accessToken?: AccessTokenHook
}

/** What an `accessToken` hook learns about the client calling it. */
export interface ClientContext {
  url?: string
  anonKey?: string
  transport: Transport
}

/** Gives the signed-in user's access token for a call, or nothing (then the anon key is the Bearer token). */
export type AccessTokenHook = (client: ClientContext) => string | null | undefined | Promise<string | null | undefined>

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
  /** Milliseconds; `0` means none. Overrides the client's. With `stream`, it ends when the headers arrive. */
  timeout?: number
  signal?: AbortSignalLike
  /**
   * Hand a `text/event-stream` (or `text/plain`) answer over as an `EventStream` as soon as its
   * headers arrive. Needs a client whose transport is wrapped in `eventStreams()`.
   */
  stream?: boolean | StreamOptions
  /** For `retryTransport`: this call's retry options over the transport's; `false` sends it once. */
  retry?: RetryOptions | false
}

/** `invoke`'s `stream` option as an object. */
export interface StreamOptions {
  /** Milliseconds without a byte before the stream ends with a `TIMEOUT` error; `0` means none. Default 30000. */
  idleTimeout?: number
}

/** What `retryTransport` retries, and how long it waits. */
export interface RetryOptions {
  /** Attempts in all, the first included; default 3. `1` sends once. */
  attempts?: number
  /** Default `['GET', 'HEAD', 'PUT', 'DELETE', 'OPTIONS']`: idempotent methods only, so nothing runs twice by surprise. */
  methods?: HttpMethod[]
  /** Answers worth another attempt; default `[502, 503, 504]`. Add `429` to wait out rate limits. */
  statusCodes?: number[]
  /** Failures worth another attempt; default `['NETWORK_ERROR']`. Timeouts and cancels never retry. */
  failures?: Array<'NETWORK_ERROR' | 'INTERRUPTED'>
  /** Milliseconds before the second attempt, doubling after each (random 50–100 % of it: jitter); default 300. */
  delay?: number
  /** Upper bound for one wait, milliseconds; default 5000. */
  maxDelay?: number
  /** The longest `Retry-After` (seconds or HTTP-date) to wait, milliseconds; a longer one ends the retries. Default 10000. */
  maxRetryAfter?: number
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
  /** Readable any number of times, also after `invoke` parsed the body. */
  text(): Promise<string>
  /** The body parsed as JSON; rejects when it is not JSON. */
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

/** A failed call: `error.code` says why. */
export interface FunctionsResponseFailure {
  data: null
  error: FunctionsError
  /** Present whenever an answer arrived (HTTP, relay and invalid-response errors). */
  response?: ResponseLike
}

/** What `invoke` resolves with: check `error` first, then `data` is typed. */
export type FunctionsResponse<T> = FunctionsResponseSuccess<T> | FunctionsResponseFailure

/**
 * A functions client. Without a registry (`R` empty), `invoke` takes any name and `data` is of the
 * type given (`invoke<T>`, default `any`); with one (`createFunctions<MyFunctions>()`), `invoke` takes the
 * registry's names, checks each one's options and types `data`, and absolute http(s) addresses stay untyped.
 */
export interface FunctionsClient<R = {}> {
  /** Resolves with `{ data, error, response }`; never rejects. */
  invoke: InvokeFor<R>
  /** Sends `token` as the Bearer token from now on; `null` goes back to the stored session. */
  setAuth(token: string | null): void
}
