import { FunctionsRequestError } from './errors/FunctionsRequestError'
import type { QueryParams } from './types'

/** `scheme://host[:port]` lowercased, default port dropped; undefined unless a plain http(s) URL. */
export function originOf(url: unknown): string | undefined {
  const match = typeof url == 'string' && /^(https?:\/\/)([^/?#]+)/i.exec(url)
  // Userinfo, backslashes and spaces make hosts that URL parsers disagree on: never trust them.
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what is refused
  if (match && !/[@\\\s\0-\x1f]/.test(match[2])) {
    return (match[1] + match[2]).toLowerCase().replace(/^(http:.*):80$|^(https.*):443$/, '$1$2')
  }
}

/** The address a call goes to: `${functionsUrl}/${name}`, or `name` itself when it is an http(s) URL. */
export function functionUrl(functionsUrl: string, name: unknown): string {
  const invalid = () => new FunctionsRequestError(`Invalid function name: ${String(name)}`)
  if (typeof name != 'string' || !name.trim()) throw invalid()
  const url = (/^https?:\/\//i.test(name) ? name : functionsUrl + '/' + name.replace(/^\/+/, '')).split('#')[0]
  // Dot segments would climb out of the functions path on a trusted host (%2e is a dot to URL parsers).
  if (/\/(\.|%2e){1,2}(\/|\?|$)/i.test(url.split('?')[0])) throw invalid()
  try {
    return url.replace(/[^!-~]|["<>\\^`{|}]/gu, encodeURIComponent)
  } catch {
    // A lone surrogate cannot be percent-encoded.
    throw invalid()
  }
}

/** A query key or value percent-encoded; objects, functions, symbols, NaN and Infinity are refused, named by their key. */
function encodeQueryPart(part: unknown, key: string): string {
  const refused = /^(object|function|symbol)$/.test(typeof part) || (typeof part == 'number' && !Number.isFinite(part))
  try {
    if (!refused) return encodeURIComponent(part as string)
  } catch {
    // A lone surrogate cannot be percent-encoded.
  }
  throw new FunctionsRequestError(`Invalid query "${key}"`)
}

/**
 * `url` with `query` appended, percent-encoded, after the query it may already have; then the region
 * pinned as the Supabase gateway reads it (over a parameter of its name; its header reports a bad one).
 */
export function withQuery(url: string, region?: string, query?: QueryParams): string {
  if (query && typeof query != 'object') throw new FunctionsRequestError('query must be an object')
  let search = ''
  const params: Record<string, unknown> = Object.assign({}, query, region && { forceFunctionRegion: String(region) })
  for (const key in params) {
    // An array repeats the key; null and undefined leave it out.
    for (const value of ([] as unknown[]).concat(params[key])) {
      if (value != null) search += `&${encodeQueryPart(key, key)}=${encodeQueryPart(value, key)}`
    }
  }
  return url + search.replace('&', url.indexOf('?') < 0 ? '?' : '&')
}
