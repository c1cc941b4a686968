import type { AbortSignalLike } from './types'

/** What `createAbortController()` returns: enough of `AbortController` for `invoke`'s `signal`. */
export interface AbortControllerLike {
  signal: AbortSignalLike
  /** Aborts once (later calls do nothing); `reason` becomes `error.context` (default: an `AbortError`). */
  abort(reason?: any): void
}

/** A minimal AbortController for mini-programs, which have none; `invoke`'s `signal` accepts its signal. */
export function createAbortController(): AbortControllerLike {
  let listeners: Array<() => void> = []
  const signal = {
    aborted: false,
    reason: undefined as any,
    addEventListener: (_type: 'abort', listener: () => void) => {
      listeners.push(listener)
    },
    removeEventListener: (_type: 'abort', listener: () => void) => {
      listeners = listeners.filter((other) => other !== listener)
    },
  }
  return {
    signal,
    abort(reason) {
      if (signal.aborted) return
      signal.aborted = true
      signal.reason = reason === undefined ? new Error('The call was cancelled') : reason
      if (reason === undefined) signal.reason.name = 'AbortError'
      listeners.slice().forEach((listener) => listener())
    },
  }
}
