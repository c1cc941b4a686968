import { abortSafely, endOnce, start } from '../exchange'
import type { Feature } from '../pipeline'
import type { Transport, TransportTask } from '../transport'

/** The options of the `queue` feature. */
export interface QueueOptions {
  /** Requests in flight at most; default 8: WeChat allows 10 at once, which leaves the app 2 of its own. */
  maxConcurrent?: number
}

/** A transport that never reports the end of an aborted request still frees its place after this long. */
const ABORT_GRACE_MS = 1000

/**
 * Keeps at most `maxConcurrent` requests in flight; the others wait their turn, first come first
 * served. Sitting below the stream reader, it counts a request until it is really over: the answer
 * fully read, or its stream ended or cancelled. A waiting request that is aborted (the call's signal or
 * timeout) leaves the queue at once and is never sent. Clients given the same `queue()` share its limit.
 */
export function queue(options: QueueOptions = {}): Feature<QueueOptions, 'queue'> {
  const limit = Math.max(1, options.maxConcurrent || 8)
  const waiting: Array<() => void> = []
  let running = 0
  // Not re-entered: a transport that fails at once would otherwise start the next request from inside
  // this loop, one stack frame deeper for each waiting request.
  let starting = false
  const startWaiting = () => {
    if (starting) return
    starting = true
    try {
      while (running < limit && waiting.length) {
        const next = waiting.shift()
        if (next) next()
      }
    } finally {
      starting = false
    }
  }

  const queued =
    (transport: Transport): Transport =>
    (request) => {
      let state: 'waiting' | 'running' | 'done' = 'waiting'
      let task: TransportTask | void
      let graceTimer: ReturnType<typeof setTimeout> | undefined
      // The place is freed when the transport reports the end, so the server never sees more than the limit.
      const result = endOnce(request, () => {
        clearTimeout(graceTimer)
        const wasRunning = state == 'running'
        state = 'done'
        if (wasRunning) {
          running--
          startWaiting()
        }
      })
      const run = () => {
        state = 'running'
        running++
        task = start(transport, Object.assign({}, request, { success: result.success, fail: result.fail }))
      }

      waiting.push(run)
      startWaiting()
      return {
        abort() {
          if (state == 'waiting') {
            waiting.splice(waiting.indexOf(run), 1)
            result.fail(new Error('The call was cancelled while queued'), 'ABORTED')
          } else if (state == 'running') {
            graceTimer = setTimeout(() => result.fail(new Error('The call was cancelled'), 'ABORTED'), ABORT_GRACE_MS)
            abortSafely(task)
          }
        },
      }
    }
  return { name: 'queue', options, place: 'wire', wrapTransport: queued }
}
