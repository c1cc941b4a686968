import { abortedError, onAbort } from '../abort'
import { concatBytes } from '../bytes'
import { FunctionsFetchError } from '../errors/FunctionsFetchError'
import { abortSafely, start } from '../exchange'
import { createHeaders, isOk, isRelayError, mediaType } from '../response'
import type { AnswerHead, CallSettings, Transport, TransportOptions, TransportResponse, TransportTask } from '../transport'
import type { StreamOptions } from './stream-options'
import { createEventStream, type EventStreamSource } from './event-stream'
import { createUtf8Decoder } from './utf8-decoder'

const IDLE_TIMEOUT_MS = 30000

/** Whether an answer is read as it arrives: a 2xx event stream, or plain text that the call asked to stream. */
function streams(head: AnswerHead, call: CallSettings): boolean {
  if (!isOk(head)) return false
  const headers = createHeaders(head.header)
  if (isRelayError(headers)) return false
  const type = mediaType(headers.get('content-type'))
  return type == 'text/event-stream' || (Boolean(call.stream) && type == 'text/plain')
}

/** The idle timeout of one call: its own `stream` option over the client's. */
function idleTimeoutOf(call: CallSettings, defaults: StreamOptions): number {
  const own = typeof call.stream == 'object' ? call.stream.idleTimeout : undefined
  const chosen = own != null ? own : defaults.idleTimeout
  return chosen != null ? chosen : IDLE_TIMEOUT_MS
}

/**
 * The built-in layer that reads answers as they arrive. Every request asks for its body in pieces;
 * an answer that streams is handed over at its headers as an `EventStream` (in `body`), decoded as it
 * comes, and the request goes on until the stream ends, fails, idles out or is cancelled. Any other
 * answer is handed over whole. Where the platform cannot deliver pieces (old WeChat base libraries,
 * Alipay), a stream's body arrives at the end and is read through the same API. `stream: false` reads
 * every answer whole.
 */
export function readStreams(transport: Transport, defaults: StreamOptions = {}): Transport {
  return (request) => {
    const call = request.call || {}
    if (call.stream === false) return transport(request)
    return readAsItArrives(transport, request, call, idleTimeoutOf(call, defaults))
  }
}

/** A streamed answer being handed over: its `EventStream`, fed as bytes arrive, and ended once. */
interface OpenStream {
  take(bytes: ArrayBuffer): void
  /** Ends the stream: with `error` if given; `cancelRequest` also aborts the request. */
  finish(error?: FunctionsFetchError, cancelRequest?: boolean): void
}

/**
 * Hands a streamed answer over at its headers (as `success`'s `body`) and feeds it: decoded as it
 * comes, watched for idleness, cancelled by the stream's `cancel()` or the call's signal.
 */
function openStream(
  head: AnswerHead,
  request: TransportOptions,
  call: CallSettings,
  idleTimeout: number,
  abortRequest: () => void,
): OpenStream {
  const decoder = createUtf8Decoder()
  let finished = false
  let idleTimer: ReturnType<typeof setTimeout> | undefined
  let stopListening: (() => void) | undefined

  const finish = (error?: FunctionsFetchError, cancelRequest?: boolean) => {
    if (finished) return
    finished = true
    clearTimeout(idleTimer)
    if (stopListening) stopListening()
    if (cancelRequest) abortRequest()
    if (!error) source.push(decoder.end())
    source.end(error)
  }
  const watchIdle = () => {
    clearTimeout(idleTimer)
    if (idleTimeout <= 0) return
    idleTimer = setTimeout(() => {
      const hint = `: the stream sent nothing for ${idleTimeout} ms`
      finish(new FunctionsFetchError(new Error(`No data for ${idleTimeout} ms`), 'TIMEOUT', hint), true)
    }, idleTimeout)
  }
  const take = (bytes: ArrayBuffer) => {
    if (finished) return
    watchIdle()
    source.push(decoder.write(bytes))
  }

  const source: EventStreamSource = createEventStream(() => finish(undefined, true))
  // The call's signal outlives the call: it now cancels the stream.
  const { signal } = call
  if (signal) stopListening = onAbort(signal, () => finish(abortedError(signal), true))
  watchIdle()
  request.success({ statusCode: head.statusCode, header: head.header, data: new ArrayBuffer(0), body: source.stream })
  return { take, finish }
}

/** One request whose answer is read as it arrives: handed over whole, or as a stream at its headers. */
function readAsItArrives(transport: Transport, request: TransportOptions, call: CallSettings, idleTimeout: number): TransportTask {
  // Pieces that came before it was known what the answer is (made only when there are some).
  let early: ArrayBuffer[] | undefined
  let stream: OpenStream | undefined
  let task: TransportTask | void

  const open = (head: AnswerHead) => {
    const opened = openStream(head, request, call, idleTimeout, () => abortSafely(task))
    stream = opened
    if (early) for (const bytes of early.splice(0)) opened.take(bytes)
  }

  task = start(transport, {
    url: request.url,
    method: request.method,
    header: request.header,
    data: request.data,
    call,
    // The client's timeout ends when a stream's headers arrive, and the idle timeout guards its body;
    // a platform given the hint may apply it to the whole request, so a call that asks for a stream
    // does not pass it on.
    timeout: call.stream ? undefined : request.timeout,
    enableChunked: true,
    onHeaders(head) {
      if (!streams(head, call)) return false
      open(head)
      return true
    },
    onChunk(bytes) {
      if (stream) stream.take(bytes)
      else if (early) early.push(bytes)
      else early = [bytes]
    },
    success(response: TransportResponse) {
      if (!stream && streams(response, call)) open(response)
      if (!stream) {
        const data = early ? concatBytes(early.concat(response.data)) : response.data
        return request.success(data === response.data ? response : Object.assign({}, response, { data }))
      }
      stream.take(response.data)
      stream.finish()
    },
    fail(error, code, hint) {
      if (stream) stream.finish(new FunctionsFetchError(error, code, hint))
      else request.fail(error, code, hint)
    },
  })
  return {
    abort() {
      if (stream) stream.finish(undefined, true)
      else abortSafely(task)
    },
  }
}
