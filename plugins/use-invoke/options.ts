import type { ServerSentEvent } from '../../src/stream/sse-parser'
import type { InvokeError } from '../../src/types'

/** How the hooks behave, set app-wide with `configureInvoke()` and per hook in its options. */
export interface InvokeBehaviour {
  /**
   * Shows the platform's loading indicator (`showLoading`) while the call runs; a string is its title
   * (default `加载中`). Not shown when cached data is already on screen.
   */
  loading?: boolean | string
  /** Shows a toast (`showToast`, no icon) when the call fails: `true` shows `error.message`, a function picks the text. Never for a cancelled call. */
  errorToast?: boolean | ((error: InvokeError) => string)
  /** Identical calls (same name and options) running at once share one request. Default `false`. */
  dedupe?: boolean
  /**
   * Keeps the last answer in memory (per name and options, or per `key`): shown at once on the next mount,
   * then refreshed behind it unless younger than `staleTime` milliseconds (default 0: always refreshed).
   */
  cache?: boolean | CacheOptions
  /** Page hidden (navigated away, app in background): the running call is cancelled, and run again on show. */
  pauseOnHide?: boolean
  /** Page shown again after being hidden: `refresh()`. */
  refreshOnShow?: boolean
  /** A new `run()` cancels the call still running (its request aborted). Default `true`; `false` lets it finish, its answer ignored. */
  cancelPrevious?: boolean
}

/** The cache of one hook. */
export interface CacheOptions {
  /** Milliseconds a cached answer counts as fresh: no request on mount. Default 0. */
  staleTime?: number
  /** Shared by hooks calling with different options that mean the same data; default: name + options. */
  key?: string
}

/** What every hook takes besides the call's own options. */
export interface HookOptions extends InvokeBehaviour {
  /** Runs when mounted (default `true` for `useInvoke`, `false` for `useInvokeStream`); `false`: only `run()`. */
  immediate?: boolean
  /** Runs again with the hook's current options when one of these changes: values in React, watch sources (refs, getters) in Vue. */
  deps?: readonly unknown[]
  /** Called with the data of each successful call that is still the latest. */
  onSuccess?(data: unknown): void
  /** Called with the error of each failed call that is still the latest (never for a cancelled one). */
  onError?(error: InvokeError): void
}

/** The extra options of `useInvokeStream`. */
export interface StreamHookOptions extends HookOptions {
  /** The text an event adds to `text` (default `event.data`); return `''` to add nothing (e.g. `[DONE]`). */
  pick?(event: ServerSentEvent): string
}
