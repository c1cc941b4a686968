import { FunctionsFetchError } from './errors/FunctionsFetchError'
import { abortSafely, endOnce, start } from './exchange'
import type { Transport, TransportOptions, TransportResponse } from './transport'

/**
 * Runs one of the SDK's own requests (a token refresh) on a transport: `received` gets the answer,
 * `failed` a `FunctionsFetchError`, the first of them only. Gives the abort.
 */
export function send(
  transport: Transport,
  options: Omit<TransportOptions, 'success' | 'fail'>,
  received: (response: TransportResponse) => void,
  failed: (error: FunctionsFetchError) => void,
): () => void {
  const ending = endOnce({ success: received, fail: (error, code, hint) => failed(new FunctionsFetchError(error, code, hint)) })
  const task = start(transport, Object.assign({}, options, ending))
  return () => abortSafely(task)
}
