import { FunctionsRequestError } from './errors/FunctionsRequestError'
import type { QueryParams } from './types'

/** `scheme://host[:port]` lowercased, default port dropped; undefined unless a plain http(s) URL. */
export function originOf(url: unknown): string | undefined {
  const match = typeof url == 'string' && /^(https?:\/\/)([^/?#]+)/i.exec(url)
  // Userinfo, backslashes and spaces make hosts that URL parsers disagree on: never trust them.
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
  } catch (e) {
    // A lone surrogate cannot be percent-encoded.
    throw invalid()
  }
}

/**
 * `url` with `query` appended, percent-encoded, after the query it may already have; then the region
 * pinned as the Supabase gateway reads it (over a parameter of its name; its header reports a bad one).
 */
export function withQuery(url: string, region?: string, query?: QueryParams): string {
  if (query && typeof query != 'object') throw new FunctionsRequestError('query must be an object')
  let search = ''
  let key = ''
  const params: any = Object.assign({}, query, region && { forceFunctionRegion: String(region) })
  try {
    // An array repeats the key; null and undefined leave it out.
    for (key in params) {
      for (const value of [].concat(params[key]) as unknown[]) {
        if (value == null) continue
        if (/^[of]/.test(typeof value) || (typeof value == 'number' && !isFinite(value))) throw 0
        search += '&' + encodeURIComponent(key) + '=' + encodeURIComponent(value as string)
      }
    }
  } catch (e) {
    // Whatever threw (a check above, or encoding a symbol or a lone surrogate), `key` names it.
    throw new FunctionsRequestError(`Invalid query "${key}"`)
  }
  return url + search.replace('&', url.indexOf('?') < 0 ? '?' : '&')
}
