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

/**
 * The address a call goes to: `${functionsUrl}/${name}`, or `name` itself when it is an http(s) URL;
 * `query` and `region` are appended to the query string `name` may already have.
 */
export function functionUrl(functionsUrl: string, name: unknown, region?: string, query?: QueryParams): string {
  let what = 'function name: ' + String(name)
  const invalid = () => new FunctionsRequestError('Invalid ' + what)
  if (typeof name != 'string' || !name.trim()) throw invalid()
  let url = (/^https?:\/\//i.test(name) ? name : functionsUrl + '/' + name.replace(/^\/+/, '')).split('#')[0]
  // Dot segments would climb out of the functions path on a trusted host (%2e is a dot to URL parsers).
  if (/\/(\.|%2e){1,2}(\/|\?|$)/i.test(url.split('?')[0])) throw invalid()
  let search = ''
  // The region is one more parameter, over any of the same name (its header reports a bad one).
  const params: any = Object.assign({}, query, region && { forceFunctionRegion: String(region) })
  try {
    url = url.replace(/[^!-~]|["<>\\^`{|}]/gu, encodeURIComponent)
    const expected = ': expected strings, finite numbers or booleans'
    what = 'query' + expected
    if (query && typeof query != 'object') throw 0
    Object.keys(params).forEach((key) => {
      what = 'query.' + key + expected
      // An array repeats the key; null and undefined leave it out.
      ;[].concat(params[key]).forEach((value: unknown) => {
        if (value != null) {
          if (typeof value == 'number' ? !isFinite(value) : !/^(string|boolean)$/.test(typeof value)) throw 0
          search += '&' + encodeURIComponent(key) + '=' + encodeURIComponent(value as string)
        }
      })
    })
  } catch (e) {
    // `what` names the culprit, whatever threw: a check above, or a lone surrogate that cannot be percent-encoded.
    throw invalid()
  }
  return url + search.replace('&', url.indexOf('?') < 0 ? '?' : '&')
}
