import { FunctionsFetchError } from './errors/FunctionsFetchError'
import type { Transport, TransportFailureCode, TransportOptions, TransportResponse, TransportTask } from './types'

/** Runs one transport request as a promise that settles once; a failure rejects as `FunctionsFetchError`. */
export function send(
  transport: Transport,
  options: Omit<TransportOptions, 'success' | 'fail'>,
): { promise: Promise<TransportResponse>; abort(): void } {
  let task: TransportTask | void
  const promise = new Promise<TransportResponse>((resolve, reject) => {
    task = transport(
      Object.assign({}, options, { success: resolve, fail: (error: unknown, code?: TransportFailureCode) => reject(new FunctionsFetchError(error, code)) }),
    )
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
