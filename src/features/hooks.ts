import { FunctionsHookError } from '../errors/FunctionsHookError'
import type { Feature, InvokeFunction } from '../pipeline'
import type { FunctionsResponse, InvokeError, InvokeOptions, ResponseLike } from '../types'

/** The call a hook sees: change `name` or `options` (headers, body, …) in `beforeRequest` to change what is sent. */
export interface HookCall {
  name: string
  /** A copy of the caller's options, with its own `headers` object. */
  options: InvokeOptions & { headers: Record<string, string | number | boolean | undefined> }
}

/** What a hook may answer a call with instead (`response` is optional here). */
export interface HookResult {
  // biome-ignore lint/suspicious/noExplicitAny: a hook answers for any function of the client
  data: any
  error: InvokeError | null
  response?: ResponseLike
}

type MaybePromise<T> = T | Promise<T>

/** The options of the `hooks` feature; each hook may be async. */
export interface FunctionsHooks {
  /** Before the call is sent. Return a result to answer the call without sending it. */
  beforeRequest?(call: HookCall): MaybePromise<HookResult | void>
  /** Once for every call, whatever happened (also a short-circuit or a failed hook): return a result to replace it. */
  afterResponse?(call: HookCall, result: FunctionsResponse<unknown>): MaybePromise<HookResult | void>
  /** When the call's final result is an error: observe it (log, report, sign out…). */
  onError?(call: HookCall, error: InvokeError): MaybePromise<void>
}

// Only an object answers a call: a hook returning `true` or a string from plain JS changes nothing.
const asResult = (value: unknown): HookResult | undefined => (value && typeof value == 'object' ? (value as HookResult) : undefined)

/**
 * Runs `hooks` around every `invoke`, once per call. A hook may be async; one that throws or rejects
 * makes the call's error a `FunctionsHookError` (code `HOOK_ERROR`): `invoke` still never rejects.
 */
export function hooks(given: FunctionsHooks): Feature<FunctionsHooks, 'hooks'> {
  return { name: 'hooks', options: given, place: 'call', wrapInvoke: (next) => withHooks(next, given || {}) }
}

function withHooks(invoke: InvokeFunction, hooks: FunctionsHooks): InvokeFunction {
  return async (name, options) => {
    const call: HookCall = { name, options: Object.assign({}, options, { headers: Object.assign({}, options && options.headers) }) }
    const failed = (hook: string, thrown: unknown, response?: ResponseLike): HookResult => ({
      data: null,
      error: new FunctionsHookError(hook, thrown),
      response,
    })
    let result: HookResult | undefined
    try {
      result = asResult(hooks.beforeRequest && (await hooks.beforeRequest(call)))
    } catch (error) {
      result = failed('beforeRequest', error)
    }
    if (!result) result = await invoke(call.name, call.options)
    let hook = 'afterResponse'
    try {
      result = asResult(hooks.afterResponse && (await hooks.afterResponse(call, result as FunctionsResponse<unknown>))) || result
      hook = 'onError'
      if (result.error && hooks.onError) await hooks.onError(call, result.error)
    } catch (error) {
      result = failed(hook, error, result.response)
    }
    return result as FunctionsResponse<unknown>
  }
}
