import { FunctionsFetchError } from './errors/FunctionsFetchError'
import type { Transport, TransportOptions, TransportResponse, TransportTask } from './types'

/**
 * Runs one transport request as a promise that settles once; a failure rejects as `FunctionsFetchError`.
 * `options` is the caller's own fresh object: the callbacks are added to it.
 */
export function send(
  transport: Transport,
  options: Omit<TransportOptions, 'success' | 'fail'>,
): { promise: Promise<TransportResponse>; abort(): void } {
  let task: TransportTask | void
  const promise = new Promise<TransportResponse>((resolve, reject) => {
    const request = options as TransportOptions
    request.success = resolve
    request.fail = (error, code, hint) => reject(new FunctionsFetchError(error, code, hint))
    task = transport(request)
  })
  return {
    promise,
    abort() {
      try {
        if (task) task.abort()
      } catch (e) {
        // Aborting runs from timers: a task that throws must not crash the app.
      }
    },
  }
}
