import { FunctionsRequestError } from './errors/FunctionsRequestError'

/** Lower-cased name → [name as given, value]: header names are case-insensitive in exactly one place. */
export type HeaderMap = Record<string, [string, string]>

/** `value` as a header value: a string, number or boolean without line breaks, or `Invalid header` thrown. */
export function safeValue(name: string, value: any): string {
  const kind = typeof value
  // A line break in a value would smuggle extra headers onto the wire. indexOf, because a regex
  // scans a long JWT several times slower, on every call.
  if ((kind != 'string' && kind != 'number' && kind != 'boolean') || (value = '' + value).indexOf('\n') + value.indexOf('\r') + value.indexOf('\0') > -3) {
    throw new FunctionsRequestError(`Invalid header "${name}"`)
  }
  return value as string
}

/** Adds `headers` over what `map` has; rejects what would corrupt the request. */
export function setHeaders(map: HeaderMap, headers?: Record<string, unknown> | null | false | ''): HeaderMap {
  if (headers && typeof headers != 'object') throw new FunctionsRequestError('headers must be an object')
  for (const name in headers as Record<string, unknown>) {
    const value = (headers as Record<string, unknown>)[name]
    if (value == null) continue
    if (!/^[\w!#$%&'*+.^`|~-]+$/.test(name)) throw new FunctionsRequestError(`Invalid header "${name}"`)
    map[name.toLowerCase()] = [name, safeValue(name, value)]
  }
  return map
}

export function headerObject(map: HeaderMap): Record<string, string> {
  const result: Record<string, string> = {}
  for (const key in map) result[map[key][0]] = map[key][1]
  return result
}

/** `name`'s value (lower-case) in a header object of any casing, as a transport reports them. */
export function headerValue(header: Record<string, string>, name: string): string | undefined {
  for (const key in header) if (key.toLowerCase() == name) return header[key]
}
