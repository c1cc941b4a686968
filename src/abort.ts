import { FunctionsFetchError } from './errors/FunctionsFetchError'

/** `AbortSignal`, a polyfill's, or `createAbortController().signal`. */
export interface AbortSignalLike {
  readonly aborted: boolean
  readonly reason?: unknown
  /** Called once the signal aborts. */
  addEventListener(type: 'abort', listener: () => void): void
  /** Called when the call ends, so a long-lived signal keeps no listeners. */
  removeEventListener(type: 'abort', listener: () => void): void
}

/** What `createAbortController()` returns: enough of `AbortController` for `invoke`'s `signal`. */
export interface AbortControllerLike {
  signal: AbortSignalLike
  /** Aborts once (later calls do nothing); `reason` becomes `error.context` (default: an `AbortError`). */
  abort(reason?: unknown): void
}

/** The one place a signal's abort becomes an error: `ABORTED`, with the signal's reason as context. */
export const abortedError = (signal: AbortSignalLike) => new FunctionsFetchError(signal.reason, 'ABORTED')

/**
 * Runs `onAbort` once `signal` aborts; returns how to stop listening. A half-made signal whose
 * `removeEventListener` throws must not throw out of a timer and crash the app.
 */
export function onAbort(signal: AbortSignalLike, listener: () => void): () => void {
  signal.addEventListener('abort', listener)
  return () => {
    try {
      signal.removeEventListener('abort', listener)
    } catch {
      // The listener may stay; it finds its call ended and does nothing.
    }
  }
}

/** A minimal AbortController for mini-programs, which have none; `invoke`'s `signal` accepts its signal. */
export function createAbortController(): AbortControllerLike {
  let listeners: Array<() => void> = []
  const signal = {
    aborted: false,
    reason: undefined as unknown,
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
      if (reason === undefined) {
        const error = new Error('The call was cancelled')
        error.name = 'AbortError'
        signal.reason = error
      } else {
        signal.reason = reason
      }
      for (const listener of listeners.slice()) listener()
    },
  }
}
