import { FunctionsRequestError } from './errors/FunctionsRequestError'

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

/** `url` with the region pinned, as the Supabase gateway reads it. */
export const withRegion = (url: string, region?: string) =>
  region ? url + (url.indexOf('?') < 0 ? '?' : '&') + 'forceFunctionRegion=' + encodeURIComponent(region) : url
