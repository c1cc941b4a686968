import type { TransportFailureCode } from './errors/codes'
import type { Transport, TransportOptions, TransportResponse, TransportTask } from './transport'

/** The two ways an exchange ends. */
export type ExchangeEnd = Pick<TransportOptions, 'success' | 'fail'>

/**
 * The one rule every layer follows: an exchange ends once. The first `success` or `fail` is passed to
 * `target`; later reports (a transport answering after it was aborted, say) are dropped. `onEnd` runs
 * first, once, whichever way it ended.
 */
export function endOnce(target: ExchangeEnd, onEnd?: () => void): ExchangeEnd & { ended(): boolean } {
  let ended = false
  const end = () => {
    if (ended) return false
    ended = true
    if (onEnd) onEnd()
    return true
  }
  return {
    // A method, not a getter: V8 builds an object literal with a getter several times slower, and
    // this one is made for every request.
    ended: () => ended,
    success(response: TransportResponse) {
      if (end()) target.success(response)
    },
    fail(error: unknown, code?: TransportFailureCode, hint?: string) {
      if (end()) target.fail(error, code, hint)
    },
  }
}

/** Starts `request` on `transport`; a transport that throws fails the request instead of its caller. */
export function start(transport: Transport, request: TransportOptions): TransportTask | void {
  try {
    return transport(request)
  } catch (error) {
    request.fail(error)
  }
}

/** Aborts a task, if there is one. Aborts run from timers and signals: one that throws must not crash the app. */
export function abortSafely(task: TransportTask | void): void {
  try {
    if (task) task.abort()
  } catch {
    // Nothing to report: the exchange is being ended by whoever aborts it.
  }
}
