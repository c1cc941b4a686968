import type { ResponseLike, TransportResponse } from './types'
declare const TextDecoder: any

/** Made once: constructing a TextDecoder costs more than decoding a small body. */
let decoder: any

/** A Content-Type's media type: parameters and case ignored. */
export const mediaType = (contentType: string | null) => (contentType || '').split(';')[0].trim().toLowerCase()

let lastType: string | null
let lastKind: ReturnType<typeof kindOf>

/** The one place that decides how a body is read from its media type. */
function kindOf(contentType: string | null): 'json' | 'binary' | 'stream' | 'text' {
  const type = mediaType(contentType)
  return /[/+]json$/.test(type)
    ? 'json'
    : type == 'text/event-stream'
      ? 'stream'
      : /^(image|audio|video|font)\/|octet|pdf|zip|wasm|msword|x-(tar|bzip|7z|rar)|vnd\.(ms-|openxml)/.test(type)
        ? 'binary'
        : 'text'
}

/** An app sees a handful of Content-Types, mostly one after another the same: remember the last. */
const bodyKind = (contentType: string | null) =>
  contentType === lastType ? lastKind : (lastKind = kindOf((lastType = contentType)))

/** The body as text. Transports for platforms without TextDecoder bring their own decoder, so the core carries none. */
export const textOf = (raw: TransportResponse) =>
  raw.decode ? raw.decode(raw.data) : (decoder = decoder || new TextDecoder()).decode(raw.data)

export function createResponse(url: string, raw: TransportResponse): ResponseLike {
  // No prototype, so a header named "constructor" finds nothing it should not.
  const map: Record<string, string> = Object.create(null)
  for (const name in raw.header) map[name.toLowerCase()] = String(raw.header[name])
  const get = (name: string) => ((name = name.toLowerCase()) in map ? map[name] : null)
  const response: ResponseLike = {
    url,
    status: raw.statusCode,
    ok: ((raw.statusCode / 100) | 0) == 2,
    headers: {
      get,
      has: (name) => get(name) != null,
      forEach: (callback) => {
        for (const name in map) callback(map[name], name)
      },
    },
    text: async () => textOf(raw),
    json: () => response.text().then(JSON.parse),
    arrayBuffer: async () => raw.data.slice(0),
  }
  return response
}

/**
 * What an answer's body becomes in `data` (or `error.body`); JSON that does not parse throws.
 * multipart/form-data stays text on every platform: mini-programs have no FormData to parse it into.
 */
export function readBody(response: ResponseLike, raw: TransportResponse): unknown {
  if (raw.body) return raw.body
  if (response.status == 204) return ''
  const kind = bodyKind(response.headers.get('content-type'))
  if (kind == 'binary') return raw.data
  // Like functions-js, a stream is handed over as the response itself.
  if (kind == 'stream') return response
  const text = textOf(raw)
  return kind == 'json' && text ? JSON.parse(text) : text
}
