import { bytesOfView } from '../bytes'
import { endOnce } from '../exchange'
import type { AnswerHead, Transport } from '../transport'

/** The part of a `ReadableStream` reader the transport uses. */
export interface BodyReader {
  /** The next piece of the body. */
  read(): Promise<{ done: boolean; value?: Uint8Array }>
  /** Stops reading, and closes the connection. */
  cancel(): Promise<void>
}

/** The subset of `fetch` the transport uses, so any WHATWG-style fetch (or a test double) fits. */
export type FetchLike = (
  url: string,
  init: {
    method: string
    headers: Record<string, string>
    // Platform boundary: typed loosely so the platform's own `fetch`, with its `BodyInit` and `AbortSignal`, fits.
    // biome-ignore lint/suspicious/noExplicitAny: see above
    body?: any
    // biome-ignore lint/suspicious/noExplicitAny: see above
    signal?: any
  },
) => Promise<{
  status: number
  /** `Headers`, or anything with its `forEach`. */
  headers: {
    /** Each header of the answer. */
    forEach(callback: (value: string, name: string) => void): void
  }
  /** The whole body, when it is not read in pieces. */
  arrayBuffer(): Promise<ArrayBuffer>
  /** A `ReadableStream`, where the platform has one: read when the body is wanted in pieces. */
  body?: {
    /** A reader of the body as it arrives. */
    getReader?(): BodyReader
  } | null
}>

declare const fetch: FetchLike | undefined
declare const AbortController: (new () => { signal: unknown; abort(): void }) | undefined

/** Closes the connection of an answer nobody will read. */
function cancelBody(body: { getReader?(): BodyReader } | null | undefined) {
  if (body && body.getReader)
    body
      .getReader()
      .cancel()
      .catch(() => undefined)
}

/**
 * HTTP over `fetch`, for H5, Node 18+ and tests. A body wanted in pieces (a stream) is read through its
 * `ReadableStream` where there is one; any other body whole. Only a request that a timer, a signal or a
 * stream's cancel can end carries an `AbortSignal` (it costs undici tens of µs per request); `abort()` on any other
 * ends it at once with `ABORTED`, cancels its body if it is being read, and drops the answer when it comes.
 */
export function fetchTransport(options: { fetch?: FetchLike } = {}): Transport {
  return (request) => {
    const { url, method, header, data, timeout, call, enableChunked, onHeaders, onChunk } = request
    const fetchFunction = options.fetch || (typeof fetch == 'function' ? fetch : undefined)
    if (!fetchFunction) return request.fail(new Error('fetchTransport: this platform has no fetch; pass fetchTransport({ fetch })'))
    const cancellable = typeof AbortController == 'function' && Boolean(timeout || (call && (call.signal || call.stream)))
    const controller = cancellable && AbortController ? new AbortController() : undefined
    const result = endOnce(request)
    let reader: BodyReader | undefined
    // Set while a body being read is cancelled: its reader's last answers are not the request's end.
    let cancelling = false

    fetchFunction(url, { method, headers: header, body: data, signal: controller && controller.signal })
      .then((response) => {
        // Ended already (aborted without a signal): let the connection go.
        if (result.ended()) return cancelBody(response.body)
        const head: AnswerHead = { statusCode: response.status, header: {} }
        response.headers.forEach((value, name) => {
          head.header[name] = value
        })
        const answer = (body: ArrayBuffer) => result.success({ statusCode: head.statusCode, header: head.header, data: body })
        const wantsPieces = Boolean(enableChunked && onHeaders && onHeaders(head))
        const body = response.body
        reader = wantsPieces && onChunk && body && body.getReader ? body.getReader() : undefined
        if (!reader || !onChunk) return response.arrayBuffer().then(answer)
        const bodyReader = reader
        const deliver = onChunk
        const pump = (): Promise<void> =>
          bodyReader.read().then(({ done, value }) => {
            if (result.ended() || cancelling) return
            if (done || !value) return answer(new ArrayBuffer(0))
            deliver(bytesOfView(value))
            return pump()
          })
        return pump()
      })
      .catch((error) => {
        if (!cancelling) result.fail(error)
      })

    return {
      abort() {
        if (controller) return controller.abort()
        const aborted = () => result.fail(new Error('The request was aborted'), 'ABORTED')
        if (!reader || result.ended()) return aborted()
        // Cancelling the body closes the connection of an answer still being read. The end is reported
        // once that is done, so a queue never starts the next request while this one holds its socket.
        cancelling = true
        reader.cancel().then(aborted, aborted)
      },
    }
  }
}
