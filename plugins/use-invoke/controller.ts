import { type AbortSignalLike, abortedError, createAbortController, onAbort } from '../../src/abort'
import type { EventStream } from '../../src/stream/event-stream'
import type { ServerSentEvent } from '../../src/stream/sse-parser'
import type { FunctionsResponse, InvokeError, InvokeOptions, ResponseLike } from '../../src/types'
import { readCache, writeCache } from './cache'
import { callKey } from './call-key'
import { withDefaults } from './defaults'
import { type PlatformFeedback, showCallLoading, showErrorToast } from './feedback'
import type { StreamHookOptions } from './options'
import { readStream } from './read-stream'
import { type CallShare, joinCall } from './shared-calls'

type Answer = FunctionsResponse<unknown>

/** What a hook shows. `events` and `text` are a stream's (`useInvokeStream`); `data` a whole answer's. */
export interface ControllerState {
  data: unknown
  error: InvokeError | null
  loading: boolean
  events: ServerSentEvent[]
  text: string
}

/** The client the hooks call: the app's (`Taro.$functions`, `uni.$functions`), read at each call. */
export interface InvokingClient {
  invoke(name: string, options?: InvokeOptions): Promise<Answer>
}

/** What an adapter gives the controller. */
export interface ControllerSetup {
  client(): InvokingClient
  /** The platform's loading indicator and toast; absent: none is shown. */
  feedback?: PlatformFeedback
  /** Reads the answer as a stream (`useInvokeStream`). */
  stream: boolean
}

/** The options of a hook: those of the call, and the hook's own. */
export type ControllerOptions = InvokeOptions & StreamHookOptions

/** The state and methods of one hook, the same for every framework; the adapters bind it to theirs. */
export interface InvokeController {
  /** The current state: a new object after each change. */
  state(): ControllerState
  /** `listener` runs after each change of the state; returns how to stop. */
  subscribe(listener: () => void): () => void
  /** The name and options of the latest render: later calls use them. */
  update(name: string, options: ControllerOptions | undefined): void
  /** Calls the function with the hook's options, `overrides` over them; resolves with that call's answer (never rejects). */
  run(overrides?: InvokeOptions): Promise<Answer>
  /** `run` again with the last call's overrides. */
  refresh(): Promise<Answer>
  /** Aborts the running call (or stream); its answer is never shown. `loading` becomes false. */
  cancel(): void
  /** The component is on screen: shows cached data and runs if `immediate`. */
  mount(): void
  /** The component or its page is gone: cancels, and shows nothing more. */
  unmount(): void
  pageHidden(): void
  pageShown(): void
}

// The options that are the hook's, not the call's: never sent with the request (`stream` and `signal`
// are the hook's to set: an untyped caller's own are dropped).
const HOOK_KEYS: string[] = [
  'stream',
  'signal',
  'immediate',
  'deps',
  'onSuccess',
  'onError',
  'pick',
  'loading',
  'errorToast',
  'dedupe',
  'cache',
  'pauseOnHide',
  'refreshOnShow',
  'cancelPrevious',
]

function callOptionsOf(options: ControllerOptions, overrides: InvokeOptions | undefined): InvokeOptions {
  const call: Record<string, unknown> = Object.assign({}, options, overrides) as Record<string, unknown>
  for (const key of HOOK_KEYS) delete call[key]
  return call
}

/** A promise that resolves with the ABORTED answer once `signal` aborts: a cancelled hook stops waiting at once. */
const whenAborted = (signal: AbortSignalLike) =>
  new Promise<Answer>((resolve) => onAbort(signal, () => resolve({ data: null, error: abortedError(signal) as InvokeError })))

/**
 * Runs an app's callback: what it throws goes to the app's error handler (`App.onError`) in a later
 * turn, and never into `run()`'s promise, which always resolves.
 */
function report(callback: () => void): void {
  try {
    callback()
  } catch (thrown) {
    setTimeout(() => {
      throw thrown
    })
  }
}

/** The controller behind `useInvoke` / `useInvokeStream`: no framework in it. */
export function createInvokeController(setup: ControllerSetup, name: string, options: ControllerOptions | undefined): InvokeController {
  let currentName = name
  let currentOptions: ControllerOptions = options || {}
  let lastOverrides: InvokeOptions | undefined
  let state: ControllerState = { data: null, error: null, loading: false, events: [], text: '' }
  let listeners: Array<() => void> = []
  // Each run takes the next number; only the latest may change the state (an older answer arriving late is dropped).
  let latest = 0
  // How to abort each call still running: more than one only with `cancelPrevious: false`.
  const running = new Set<() => void>()
  let mounted = false
  let hidden = false
  let pausedWhileRunning = false

  const behaviour = () => withDefaults(currentOptions)
  const cacheKey = (call: InvokeOptions): string | undefined => {
    const cache = behaviour().cache
    if (!cache || setup.stream) return undefined
    return (typeof cache == 'object' && cache.key) || callKey(currentName, call)
  }
  const staleTime = () => {
    const cache = behaviour().cache
    return typeof cache == 'object' && cache.staleTime ? cache.staleTime : 0
  }
  const setState = (change: Partial<ControllerState>) => {
    state = Object.assign({}, state, change)
    for (const listener of listeners.slice()) listener()
  }
  const stopRunning = () => {
    latest++
    const aborts = Array.from(running)
    running.clear()
    for (const abort of aborts) abort()
  }

  /** Sends the call, shared with identical ones if `dedupe`; leaving the share aborts it when no one else waits. */
  const send = (call: InvokeOptions, signal: AbortSignalLike): CallShare => {
    const withSignal = (given: AbortSignalLike) =>
      setup.client().invoke(currentName, Object.assign({}, call, { signal: given }, setup.stream ? { stream: true } : {}))
    const key = behaviour().dedupe && !setup.stream ? callKey(currentName, call) : undefined
    if (key !== undefined) return joinCall(key, withSignal)
    return { answer: withSignal(signal), leave() {} }
  }

  const finish = (generation: number, answer: Answer, key: string | undefined) => {
    if (generation !== latest) return
    const { onSuccess, onError, errorToast } = behaviour()
    if (answer.error) {
      setState({ loading: false, error: answer.error })
      showErrorToast(setup.feedback, errorToast, answer.error)
      const error = answer.error
      if (onError) report(() => onError(error))
      return
    }
    if (key) writeCache(key, answer.data)
    setState({ loading: false, data: answer.data })
    if (onSuccess) report(() => onSuccess(answer.data))
  }

  const follow = async (generation: number, answer: Answer) => {
    const stream = answer.data as EventStream
    const ended = await readStream(stream, answer.response, behaviour().pick, (progress) => {
      if (generation === latest) setState({ events: progress.events, text: progress.text })
    })
    if (generation !== latest) return
    const answered: Answer = ended
      ? { data: null, error: ended }
      : { data: state.text, error: null, response: answer.response as ResponseLike }
    finish(generation, answered, undefined)
  }

  const run = async (overrides?: InvokeOptions): Promise<Answer> => {
    const options = behaviour()
    if (options.cancelPrevious === false) latest++
    else stopRunning()
    const generation = latest
    lastOverrides = overrides
    const call = callOptionsOf(currentOptions, overrides)
    const cacheAt = cacheKey(call)
    // Cached data already on screen: refreshed quietly, without the loading indicator.
    const cachedShown = cacheAt !== undefined && readCache(cacheAt) !== undefined
    const controller = createAbortController()
    const abort = () => controller.abort()
    running.add(abort)
    setState(setup.stream ? { loading: true, error: null, events: [], text: '' } : { loading: true, error: null })
    const hideLoading = showCallLoading(setup.feedback, cachedShown ? false : options.loading)
    const share = send(call, controller.signal)
    const stopLeaving = onAbort(controller.signal, share.leave)
    const answer = await Promise.race([share.answer, whenAborted(controller.signal)])
    stopLeaving()
    hideLoading()
    if (setup.stream && !answer.error) {
      // A stream nobody will show (a newer call started meanwhile) must not keep its request open.
      if (generation === latest) await follow(generation, answer)
      else (answer.data as EventStream).cancel()
    } else {
      finish(generation, answer, cacheAt)
    }
    running.delete(abort)
    return answer
  }

  const cachedEntry = () => {
    const key = cacheKey(callOptionsOf(currentOptions, undefined))
    return key === undefined ? undefined : readCache(key)
  }
  const isFresh = (entry: ReturnType<typeof cachedEntry>) => entry !== undefined && Date.now() - entry.time < staleTime()
  const runsOnMount = () => {
    const immediate = currentOptions.immediate === undefined ? !setup.stream : currentOptions.immediate
    return immediate && !isFresh(cachedEntry())
  }
  // Cached data is there from the first render: a list page gone back to shows it at once. A hook that
  // runs on mount is loading from its first render too, so the page never flashes an idle state.
  const initial = cachedEntry()
  state = Object.assign({}, state, { loading: runsOnMount() }, initial ? { data: initial.data } : {})

  return {
    state: () => state,
    subscribe(listener) {
      listeners.push(listener)
      return () => {
        listeners = listeners.filter((other) => other !== listener)
      }
    },
    update(name, options) {
      currentName = name
      currentOptions = options || {}
    },
    run,
    refresh: () => run(lastOverrides),
    cancel() {
      const wasRunning = running.size > 0
      stopRunning()
      if (wasRunning) setState({ loading: false })
    },
    mount() {
      mounted = true
      const entry = cachedEntry()
      if (entry && entry.data !== state.data) setState({ data: entry.data })
      if (runsOnMount()) run()
      else if (state.loading) setState({ loading: false })
    },
    unmount() {
      mounted = false
      stopRunning()
      if (state.loading) setState({ loading: false })
    },
    pageHidden() {
      hidden = true
      if (behaviour().pauseOnHide && running.size > 0) {
        pausedWhileRunning = true
        stopRunning()
        setState({ loading: false })
      }
    },
    pageShown() {
      // The first show of a page comes with its mount: only a show after a hide counts.
      if (!hidden || !mounted) return
      hidden = false
      const resume = pausedWhileRunning
      pausedWhileRunning = false
      if (resume || behaviour().refreshOnShow) run(lastOverrides)
    },
  }
}
