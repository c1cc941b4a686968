import type { Transport } from '../types'

/** The subset of `fetch` the transport uses, so any WHATWG-style fetch (or a test double) fits. */
export type FetchLike = (
  url: string,
  init: { method: string; headers: Record<string, string>; body?: any; signal?: any },
) => Promise<{
  status: number
  /** `Headers`, or anything with its `forEach`. */
  headers: {
    /** Each header of the answer. */
    forEach(callback: (value: string, name: string) => void): void
  }
  /** The whole body, when it is not read as a stream. */
  arrayBuffer(): Promise<ArrayBuffer>
  /** A `ReadableStream`, where the platform has one: read when the body is wanted in pieces. */
  body?: any
}>

declare const fetch: FetchLike | undefined
declare const AbortController: any

/**
 * HTTP over `fetch`, for H5, Node 18+ and tests; the body in pieces when asked for and `ReadableStream` exists.
 * Only a request that something can cancel (a `timeout`, the call's `signal`, a stream) carries an
 * `AbortSignal`: it costs undici tens of µs per request. `abort()` on any other still ends it at once, with
 * `ABORTED`, and the answer is dropped when it comes.
 */
export function fetchTransport(options: { fetch?: FetchLike } = {}): Transport {
  return ({ url, method, header, data, timeout, invoke, enableChunked, onHeaders, onChunk, success, fail }) => {
    const request = options.fetch || (typeof fetch == 'function' ? fetch : undefined)
    if (!request) return fail(new Error('fetchTransport: this platform has no fetch; pass fetchTransport({ fetch })'))
    const cancellable = typeof AbortController == 'function' && (timeout || enableChunked || (invoke && invoke.signal))
    const controller = cancellable ? new AbortController() : undefined
    let ended = false
    const end = <A extends unknown[]>(report: (...args: A) => void) => (...args: A) => {
      if (!ended) (ended = true), report(...args)
    }
    const succeed = end(success)
    const failed = end(fail)
    request(url, { method, headers: header, body: data, signal: controller && controller.signal })
      .then((response) => {
        const headers: Record<string, string> = {}
        response.headers.forEach((value, name) => {
          headers[name] = value
        })
        const answer = (body: ArrayBuffer) => succeed({ statusCode: response.status, header: headers, data: body })
        const reader = enableChunked && response.body && response.body.getReader && response.body.getReader()
        if (!reader) return response.arrayBuffer().then(answer)
        onHeaders!({ statusCode: response.status, header: headers })
        const pump = (): Promise<void> =>
          reader.read().then(({ done, value }: { done: boolean; value: Uint8Array }) => {
            if (done) return answer(new ArrayBuffer(0))
            onChunk!(value.buffer.slice(value.byteOffset, value.byteOffset + value.byteLength) as ArrayBuffer)
            return pump()
          })
        return pump()
      })
      .catch((error) => failed(error))
    return { abort: () => (controller ? controller.abort() : failed(new Error('The request was aborted'), 'ABORTED')) }
  }
}
