import { concatBytes } from '../bytes'
import { FunctionsFetchError } from '../errors/FunctionsFetchError'
import { createResponse, mediaType } from '../response'
import type { StreamOptions, Transport, TransportOptions, TransportResponse } from '../types'
import { createEventStream, type EventStreamSource } from './event-stream'
import { createUtf8Decoder, type Utf8StreamDecoder } from './utf8-decoder'

const IDLE_TIMEOUT_MS = 30000

/** 2xx, not a relay failure, and text that is meant to be read as it comes. */
function streamable(url: string, head: Omit<TransportResponse, 'data'>): boolean {
  const response = createResponse(url, head as TransportResponse)
  const type = mediaType(response.headers.get('content-type'))
  return response.ok && response.headers.get('x-relay-error') != 'true' && (type == 'text/event-stream' || type == 'text/plain')
}

/**
 * Adds `invoke(name, { stream: true })` to a transport: a 2xx `text/event-stream` or `text/plain`
 * answer is handed over as an `EventStream` as soon as its headers arrive, and its body is decoded
 * as it comes. Where the platform cannot deliver pieces (old WeChat base libraries, Alipay, `Taro.request` on H5),
 * the whole body arrives at the end and is read through the same API. Other answers (errors
 * included) are passed on whole, as without `stream`.
 */
export function eventStreams(transport: Transport, defaults: StreamOptions = {}): Transport {
  return (options: TransportOptions) => {
    const call = options.invoke || {}
    if (!call.stream) return transport(options)
    const settings = Object.assign({}, defaults, call.stream === true ? {} : call.stream)
    const idleTimeout = settings.idleTimeout != null ? settings.idleTimeout : IDLE_TIMEOUT_MS
    const { url } = options
    const { signal } = call
    const early: ArrayBuffer[] = []
    let source: EventStreamSource | undefined
    let decoder: Utf8StreamDecoder
    let finished = false
    let timer: any
    let task: ReturnType<Transport>

    const abortTask = () => {
      try {
        if (task) task.abort()
      } catch (e) {}
    }
    const onAbort = () => finish(new FunctionsFetchError(signal!.reason, 'ABORTED'), true)
    const finish = (error?: FunctionsFetchError, abort?: boolean) => {
      if (finished) return
      finished = true
      clearTimeout(timer)
      if (signal) signal.removeEventListener('abort', onAbort)
      if (abort) abortTask()
      if (!error) source!.push(decoder.end())
      source!.end(error)
    }
    const watch = () => {
      clearTimeout(timer)
      if (idleTimeout > 0) {
        timer = setTimeout(() => {
          finish(new FunctionsFetchError(new Error(`No data for ${idleTimeout} ms`), 'TIMEOUT', `: the stream sent nothing for ${idleTimeout} ms`), true)
        }, idleTimeout)
      }
    }
    const open = (response: { statusCode: number; header: Record<string, string> }) => {
      source = createEventStream(() => finish(undefined, true))
      decoder = createUtf8Decoder()
      // The call's signal outlives the call: it now cancels the stream.
      if (signal) signal.addEventListener('abort', onAbort)
      watch()
      options.success({ statusCode: response.statusCode, header: response.header, data: new ArrayBuffer(0), body: source.stream })
    }
    const take = (bytes: ArrayBuffer) => {
      if (finished) return
      watch()
      source!.push(decoder.write(bytes))
    }

    task = transport(
      Object.assign({}, options, {
        enableChunked: true,
        // The call's timeout ends when the headers arrive; the idle timeout guards the body.
        timeout: undefined,
        onHeaders(response: { statusCode: number; header: Record<string, string> }) {
          if (!streamable(url, response)) return
          open(response)
          early.splice(0).forEach(take)
        },
        onChunk(bytes: ArrayBuffer) {
          if (source) take(bytes)
          else early.push(bytes)
        },
        success(response: TransportResponse) {
          if (!source && streamable(url, response)) open(response)
          if (!source) {
            early.push(response.data)
            return options.success(Object.assign({}, response, { data: concatBytes(early) }))
          }
          if (finished) return
          for (const bytes of early.concat(response.data)) take(bytes)
          finish()
        },
        fail(error: unknown, code?: any, hint?: string) {
          if (source) finish(new FunctionsFetchError(error, code, hint))
          else options.fail(error, code, hint)
        },
      }),
    )
    return {
      abort() {
        if (source) finish(undefined, true)
        else abortTask()
      },
    }
  }
}
