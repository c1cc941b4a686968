import { FunctionsRequestError } from './errors/FunctionsRequestError'

/** Lower-cased name → [name as given, value]: the request's headers, whatever casing the caller used. */
export type HeaderMap = Record<string, [string, string]>

/** The one place header names are compared: lower-cased. A map without a prototype, so "constructor" finds nothing. */
export function lowerCased(header: Record<string, unknown>): Record<string, string> {
  const map: Record<string, string> = Object.create(null)
  for (const name in header) map[name.toLowerCase()] = String(header[name])
  return map
}

/** `value` as a header value: a string, number or boolean without line breaks, or `Invalid header` thrown. */
export function safeValue(name: string, value: unknown): string {
  const kind = typeof value
  if (kind != 'string' && kind != 'number' && kind != 'boolean') throw new FunctionsRequestError(`Invalid header "${name}"`)
  const text = String(value)
  // A line break in a value would smuggle extra headers onto the wire. indexOf, because a regex
  // scans a long JWT several times slower, on every call.
  if (text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0 || text.indexOf('\0') >= 0)
    throw new FunctionsRequestError(`Invalid header "${name}"`)
  return text
}

/** Adds `headers` over what `map` has; rejects what would corrupt the request. */
export function setHeaders(map: HeaderMap, headers: unknown): HeaderMap {
  if (headers == null) return map
  if (typeof headers != 'object') throw new FunctionsRequestError('headers must be an object')
  const given = headers as Record<string, unknown>
  for (const name in given) {
    const value = given[name]
    if (value == null) continue
    if (!/^[\w!#$%&'*+.^`|~-]+$/.test(name)) throw new FunctionsRequestError(`Invalid header "${name}"`)
    map[name.toLowerCase()] = [name, safeValue(name, value)]
  }
  return map
}

/** The headers as a transport sends them: each name in the casing it was given. */
export function headerObject(map: HeaderMap): Record<string, string> {
  const result: Record<string, string> = {}
  for (const key in map) result[map[key][0]] = map[key][1]
  return result
}
