import { lowerCased } from './headers'
import { decodeText } from './utf8'
import type { AnswerHead, TransportResponse } from './transport'
import type { HeadersLike, ResponseLike } from './types'

/** A Content-Type's media type: parameters and case ignored. */
export const mediaType = (contentType: string | null) => (contentType || '').split(';')[0].trim().toLowerCase()

/** The one place that tells a relay failure: the Supabase relay marks its own answers. */
export const isRelayError = (headers: HeadersLike) => headers.get('x-relay-error') == 'true'

/** The body as text (UTF-8, with or without the platform's `TextDecoder`). */
export const textOf = (raw: TransportResponse): string => decodeText(raw.data)

/** Read-only headers over an answer's, names case-insensitive. */
export function createHeaders(header: Record<string, string>): HeadersLike {
  const map = lowerCased(header)
  const get = (name: string) => {
    const key = name.toLowerCase()
    return key in map ? map[key] : null
  }
  return {
    get,
    has: (name) => get(name) != null,
    forEach: (callback) => {
      for (const name in map) callback(map[name], name)
    },
  }
}

/** Whether a status is a success (2xx). */
export const isOk = (head: AnswerHead) => Math.floor(head.statusCode / 100) == 2

/** The `Response`-like object of `invoke`'s result, over an answer that is complete (or a stream's head). */
export function createResponse(url: string, raw: TransportResponse): ResponseLike {
  const response: ResponseLike = {
    url,
    status: raw.statusCode,
    ok: isOk(raw),
    headers: createHeaders(raw.header),
    text: async () => textOf(raw),
    json: () => response.text().then(JSON.parse),
    arrayBuffer: async () => raw.data.slice(0),
  }
  return response
}
