import type { FunctionsError } from './errors/FunctionsError'
import { FunctionsHookError } from './errors/FunctionsHookError'
import type { FunctionsClient, FunctionsResponse, InvokeOptions, ResponseLike } from './types'

/** The call a hook sees: change `name` or `options` (headers, body, …) in `beforeRequest` to change what is sent. */
export interface HookCall {
  name: string
  /** A copy of the caller's options, with its own `headers` object. */
  options: InvokeOptions & { headers: Record<string, string | number | boolean | undefined> }
}

/** What a hook may answer a call with instead (`response` is optional here). */
export interface HookResult {
  data: any
  error: FunctionsError | null
  response?: ResponseLike
}

type MaybePromise<T> = T | Promise<T>

// Only an object answers a call: a hook returning `true` or a string from plain JS changes nothing.
const answer = (value: unknown): HookResult | undefined => (value && typeof value == 'object' ? (value as HookResult) : undefined)

/** The hooks of `withHooks`; each may be async. */
export interface FunctionsHooks {
  /** Before the call is sent. Return a result to answer the call without sending it. */
  beforeRequest?(call: HookCall): MaybePromise<HookResult | void>
  /** Once for every call, whatever happened (also a short-circuit or a failed hook): return a result to replace it. */
  afterResponse?(call: HookCall, result: FunctionsResponse<any>): MaybePromise<HookResult | void>
  /** When the call's final result is an error: observe it (log, report, sign out…). */
  onError?(call: HookCall, error: FunctionsError): MaybePromise<void>
}

/**
 * A client that runs `hooks` around every `invoke` of `client`. A hook may be async; one that throws
 * or rejects makes the call's error a `FunctionsHookError` (code `HOOK_ERROR`): `invoke` still never
 * rejects. Wrap again to add more hooks: the outer ones run first.
 */
export function withHooks<R>(client: FunctionsClient<R>, hooks: FunctionsHooks): FunctionsClient<R>
export function withHooks(client: FunctionsClient, hooks: FunctionsHooks): FunctionsClient {
  return {
    setAuth: (token) => client.setAuth(token),
    async invoke(name, options) {
      const call: HookCall = { name, options: Object.assign({}, options, { headers: Object.assign({}, options && options.headers) }) }
      const failed = (hook: string, e: unknown, response?: ResponseLike): HookResult => ({ data: null, error: new FunctionsHookError(hook, e), response })
      let result: HookResult | void
      try {
        result = answer(hooks.beforeRequest && (await hooks.beforeRequest(call)))
      } catch (e) {
        result = failed('beforeRequest', e)
      }
      result = result || (await client.invoke(call.name, call.options))
      let hook = 'afterResponse'
      try {
        result = answer(hooks.afterResponse && (await hooks.afterResponse(call, result as FunctionsResponse<any>))) || result
        hook = 'onError'
        if (result.error && hooks.onError) await hooks.onError(call, result.error)
      } catch (e) {
        result = failed(hook, e, result.response)
      }
      return result as FunctionsResponse<any>
    },
  }
}
