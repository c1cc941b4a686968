import { encodeBody, type EncodedBody } from './body'
import type { CallPlan } from './call'
import type { ClientConfig } from './config'
import { type HeaderMap, headerObject, safeValue, setHeaders } from './headers'
import type { InvokeOptions } from './types'
import { withQuery } from './url'

/** A call's request, built but not yet sent: the Bearer token may still be on its way. */
export interface BuiltRequest {
  url: string
  /** The client's and the call's headers: the caller's own casing, keyed lower-case. */
  headers: HeaderMap
  body: EncodedBody
}

/** The address, headers and body of a call; throws a `FunctionsRequestError` for anything that cannot be sent. */
export function buildRequest(
  config: ClientConfig,
  name: string,
  options: InvokeOptions,
  plan: CallPlan,
  authToken: string | null,
): BuiltRequest {
  const headers = setHeaders(Object.create(null), config.headers)
  if (authToken) setHeaders(headers, { Authorization: 'Bearer ' + authToken })
  setHeaders(headers, options.headers)
  return {
    url: withQuery(config.addressOf(name), plan.region, options.query),
    headers,
    body: encodeBody(options.body),
  }
}

/** Whether the caller chose who is calling: then no token is looked up. */
export const hasAuthorization = (request: BuiltRequest) => 'authorization' in request.headers

/** The headers sent: the caller's, then the SDK's defaults below them, whatever casing the caller used. */
export function finalHeaders(
  config: ClientConfig,
  request: BuiltRequest,
  plan: CallPlan,
  token: string | null | undefined,
): Record<string, string> {
  const header = headerObject(request.headers)
  // `key`: the name lower-cased, as the request's headers are keyed.
  const addDefault = (name: string, key: string, value: string | undefined) => {
    if (value != null && !(key in request.headers)) header[name] = safeValue(name, value)
  }
  addDefault('Content-Type', 'content-type', request.body.type)
  addDefault('x-region', 'x-region', plan.region)
  addDefault('Authorization', 'authorization', token ? `Bearer ${token}` : undefined)
  addDefault('apikey', 'apikey', config.anonKey)
  return header
}
