import { FunctionsHttpError } from './errors/FunctionsHttpError'
import { FunctionsRelayError } from './errors/FunctionsRelayError'
import { FunctionsResponseError } from './errors/FunctionsResponseError'
import { isRelayError, mediaType, textOf } from './response'
import type { CallSettings, TransportResponse } from './transport'
import type { ResponseLike } from './types'

type BodyKind = 'json' | 'binary' | 'event-stream' | 'text'

/** The one place that decides how a body is read from its media type. */
function kindOf(contentType: string | null): BodyKind {
  const type = mediaType(contentType)
  if (/[/+]json$/.test(type)) return 'json'
  if (type == 'text/event-stream') return 'event-stream'
  if (/^(image|audio|video|font)\/|octet|pdf|zip|wasm|msword|x-(tar|bzip|7z|rar)|vnd\.(ms-|openxml)/.test(type)) return 'binary'
  return 'text'
}

// An app sees a handful of Content-Types, mostly the same one again: the last one's kind is remembered.
let lastType: string | null = null
let lastKind: BodyKind = 'text'
function bodyKind(contentType: string | null): BodyKind {
  if (contentType !== lastType) {
    lastType = contentType
    lastKind = kindOf(contentType)
  }
  return lastKind
}

/**
 * What a complete body becomes in `data` (or `error.body`); JSON that does not parse throws.
 * multipart/form-data stays text on every platform: mini-programs have no FormData to parse it into.
 */
function readBody(response: ResponseLike, raw: TransportResponse): unknown {
  if (response.status == 204) return ''
  const kind = bodyKind(response.headers.get('content-type'))
  if (kind == 'binary') return raw.data
  // An event stream read whole (`stream: false`) is handed over as the response, as functions-js does.
  if (kind == 'event-stream') return response
  const text = textOf(raw)
  return kind == 'json' && text ? JSON.parse(text) : text
}

/** An error's body as parsed as it can be: a broken JSON error body is still worth its text. */
function readErrorBody(response: ResponseLike, raw: TransportResponse): unknown {
  try {
    return readBody(response, raw)
  } catch {
    return textOf(raw)
  }
}

/** The answer as `invoke` resolves it: its `data`, or the typed error that it is, thrown. */
export function readAnswer(response: ResponseLike, raw: TransportResponse, call: CallSettings): unknown {
  const relay = isRelayError(response.headers)
  if (relay || !response.ok) {
    const body = readErrorBody(response, raw)
    throw relay ? new FunctionsRelayError(response, body) : new FunctionsHttpError(response, body)
  }
  // Handed over by the stream reader as it arrives.
  if (raw.body) return raw.body
  if (call.stream) {
    const type = mediaType(response.headers.get('content-type')) || 'no Content-Type'
    throw new FunctionsResponseError(
      `Expected a stream (text/event-stream or text/plain), got ${type}: call without \`stream\` to read this answer whole`,
      response,
    )
  }
  try {
    return readBody(response, raw)
  } catch (error) {
    throw new FunctionsResponseError(`The body does not match its Content-Type: ${error}`, response)
  }
}
