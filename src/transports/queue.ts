import type { Transport, TransportFailureCode, TransportOptions, TransportResponse, TransportTask } from '../types'

/** The options of `queueTransport`. */
export interface QueueOptions {
  /** Requests in flight at most; default 8: WeChat allows 10 at once, which leaves the app 2 of its own. */
  maxConcurrent?: number
}

/** A transport that never reports the end of an aborted request still frees its place after this long. */
const ABORT_GRACE_MS = 1000

/**
 * Keeps at most `maxConcurrent` requests in flight; the others wait their turn, first come first
 * served. A waiting request that is aborted (the call's signal or timeout) leaves the queue at once
 * and is never sent. Clients that should share the limit share one queued transport.
 */
export function queueTransport(transport: Transport, options?: QueueOptions): Transport {
  const limit = Math.max(1, (options && options.maxConcurrent) || 8)
  const waiting: Array<() => void> = []
  let running = 0
  // Not re-entered: a transport that fails at once would otherwise start the next request from inside
  // this loop, one stack frame deeper for each waiting request.
  let starting = false
  const next = () => {
    if (starting) return
    starting = true
    try {
      while (running < limit && waiting.length) waiting.shift()!()
    } finally {
      starting = false
    }
  }

  return (request) => {
    let task: TransportTask | void
    let state: 'waiting' | 'running' | 'done' = 'waiting'
    let grace: any
    // The place is freed when the transport reports the end, so the server never sees more than the limit.
    const end = () => {
      const wasRunning = state == 'running'
      state = 'done'
      clearTimeout(grace)
      if (wasRunning) running--, next()
      return wasRunning
    }
    const placed: TransportOptions = Object.assign({}, request, {
      success: (response: TransportResponse) => end() && request.success(response),
      fail: (error: unknown, code?: TransportFailureCode, hint?: string) => end() && request.fail(error, code, hint),
    })
    const start = () => {
      state = 'running'
      running++
      try {
        task = transport(placed)
      } catch (e) {
        placed.fail(e)
      }
    }

    waiting.push(start)
    next()
    return {
      abort() {
        if (state == 'waiting') {
          waiting.splice(waiting.indexOf(start), 1)
          state = 'done'
          request.fail(new Error('The call was cancelled while queued'), 'ABORTED')
        } else if (state == 'running') {
          grace = setTimeout(() => placed.fail(new Error('The call was cancelled'), 'ABORTED'), ABORT_GRACE_MS)
          if (task) task.abort()
        }
      },
    }
  }
}
