import { FunctionsFetchError } from './errors/FunctionsFetchError'
import type { Transport, TransportOptions, TransportResponse, TransportTask } from './types'

/**
 * Runs one transport request: `received` gets the answer, `failed` a `FunctionsFetchError` (callers
 * take the first of them that comes).
 * Callbacks rather than a promise: a call's own work stays free of microtask hops.
 * `options` is the caller's own fresh object: the callbacks are added to it. Gives the abort.
 */
export function send(
  transport: Transport,
  options: Omit<TransportOptions, 'success' | 'fail'>,
  received: (response: TransportResponse) => void,
  failed: (error: FunctionsFetchError) => void,
): () => void {
  const request = options as TransportOptions
  request.success = received
  request.fail = (error, code, hint) => failed(new FunctionsFetchError(error, code, hint))
  const task: TransportTask | void = transport(request)
  return () => {
    try {
      if (task) task.abort()
    } catch (e) {
      // Aborting runs from timers: a task that throws must not crash the app.
    }
  }
}
