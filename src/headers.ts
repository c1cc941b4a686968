import { FunctionsRequestError } from './errors/FunctionsRequestError'

/** Lower-cased name → [name as given, value]: header names are case-insensitive in exactly one place. */
export type HeaderMap = Record<string, [string, string]>

/** Adds `headers` over what `map` has; rejects what would corrupt the request. */
export function setHeaders(map: HeaderMap, headers?: Record<string, unknown> | null | false | ''): HeaderMap {
  const add = (value: unknown, name: string) => {
    if (value == null) return
    // A line break in a value would smuggle extra headers onto the wire.
    if (!/^[\w!#$%&'*+.^`|~-]+$/.test(name) || !/^(string|number|boolean)$/.test(typeof value) || /[\r\n\0]/.test((value = String(value)) as string)) {
      throw new FunctionsRequestError(`Invalid header "${name}"`)
    }
    map[name.toLowerCase()] = [name, value as string]
  }
  if (headers && typeof headers != 'object') throw new FunctionsRequestError('headers must be an object')
  for (const name in headers || {}) add((headers as Record<string, unknown>)[name], name)
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
