/**
 * What went wrong, stable across releases:
 * - `HTTP_ERROR`: the function answered with a non-2xx status (`FunctionsHttpError`)
 * - `RELAY_ERROR`: the Supabase relay failed the call, header `x-relay-error: true` (`FunctionsRelayError`)
 * - `NETWORK_ERROR`: the request could not be sent or the connection broke (`FunctionsFetchError`)
 * - `TIMEOUT`: `timeout` ran out before the answer was complete (`FunctionsFetchError`)
 * - `ABORTED`: `signal` aborted the call (`FunctionsFetchError`)
 * - `DOMAIN_NOT_ALLOWED`: the mini-program refused the address: its domain is not in the request domain list (`FunctionsFetchError`)
 * - `INTERRUPTED`: the platform cut the request because the app went to the background (`FunctionsFetchError`)
 * - `CLOUD_RELAY_REFUSED`: the `cloudRelay` cloud function refused to carry the request (an origin, path, method, header or size it does not allow); the message says which (`FunctionsFetchError`)
 * - `INVALID_REQUEST`: the call or the client's options are wrong; nothing was sent (`FunctionsRequestError`)
 * - `INVALID_RESPONSE`: a 2xx answer whose body does not match its Content-Type, or that is not the stream the call asked for (`FunctionsResponseError`)
 * - `HOOK_ERROR`: a hook of the `hooks` feature threw (`FunctionsHookError`)
 */
export type FunctionsErrorCode =
  | 'HTTP_ERROR'
  | 'RELAY_ERROR'
  | 'NETWORK_ERROR'
  | 'TIMEOUT'
  | 'ABORTED'
  | 'DOMAIN_NOT_ALLOWED'
  | 'INTERRUPTED'
  | 'CLOUD_RELAY_REFUSED'
  | 'INVALID_REQUEST'
  | 'INVALID_RESPONSE'
  | 'HOOK_ERROR'

/** The codes a transport may report when a request fails. */
export type TransportFailureCode = 'NETWORK_ERROR' | 'TIMEOUT' | 'ABORTED' | 'DOMAIN_NOT_ALLOWED' | 'INTERRUPTED' | 'CLOUD_RELAY_REFUSED'
