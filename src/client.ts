import { abortedError, onAbort } from './abort'
import { readAnswer } from './answer'
import { type CallPlan, checkCall } from './call'
import { type FunctionsOptions, resolveConfig } from './config'
import { FunctionsError } from './errors/FunctionsError'
import { FunctionsFetchError } from './errors/FunctionsFetchError'
import { FunctionsRequestError } from './errors/FunctionsRequestError'
import { abortSafely, endOnce, start } from './exchange'
import { type InvokeFunction, wrapInvoke } from './pipeline'
import type { FunctionsRegistry, InvokeFor } from './registry'
import { type BuiltRequest, buildRequest, finalHeaders, hasAuthorization } from './request'
import { createResponse } from './response'
import type { TransportFailureCode } from './errors/codes'
import type { TransportResponse, TransportTask } from './transport'
import type { FunctionsResponse, InvokeOptions, ResponseLike } from './types'

/**
 * A functions client. Without a registry (`R` empty), `invoke` takes any name and `data` is of the
 * type given (`invoke<T>`, default `any`); with one (`createFunctions<MyFunctions>()`), `invoke` takes the
 * registry's names, checks each one's options and types `data`, and absolute http(s) addresses stay untyped.
 */
export interface FunctionsClient<R = {}> {
  /** Resolves with `{ data, error, response }`; never rejects. */
  invoke: InvokeFor<R>
  /** Sends `token` as the Bearer token from now on; `null` goes back to the stored session. */
  setAuth(token: string | null): void
}

/** Anything unforeseen (a transport that throws, say) is still a typed error. */
const asFunctionsError = (error: unknown, code?: TransportFailureCode, hint?: string) =>
  error instanceof FunctionsError ? error : new FunctionsFetchError(error, code, hint)

/**
 * A functions client over `options.transport`, with the features named in `options.features`;
 * `createFunctions<MyFunctions>()` types it by a registry (see `FunctionsRegistry`). Never throws: a wrong
 * option makes every `invoke` resolve with a `FunctionsRequestError` saying what to change (a throw here
 * would crash a mini-program at start-up).
 */
export function createFunctions<R extends FunctionsRegistry<R> = {}>(options: FunctionsOptions): FunctionsClient<R>
export function createFunctions(options: FunctionsOptions): FunctionsClient {
  const config = resolveConfig(options)
  let authToken: string | null = null

  /** One call: check it, build its request, send it, read the answer. Each step in the turn of what it waits for. */
  const invoke: InvokeFunction = (name, invokeOptions) =>
    new Promise((resolve) => {
      const options: InvokeOptions = invokeOptions || {}
      // Known once the call is checked and built; read by the steps after.
      let plan: CallPlan
      let request: BuiltRequest
      let response: ResponseLike | undefined
      let task: TransportTask | void
      let timer: ReturnType<typeof setTimeout> | undefined
      let stopListening: (() => void) | undefined

      const settle = (data: unknown, error: FunctionsError | null) => resolve({ data, error, response } as FunctionsResponse<unknown>)
      const call = endOnce(
        {
          success(raw: TransportResponse) {
            response = createResponse(request.url, raw)
            try {
              settle(readAnswer(response, raw, plan.settings), null)
            } catch (error) {
              settle(null, asFunctionsError(error))
            }
          },
          fail: (error, code, hint) => settle(null, asFunctionsError(error, code, hint)),
        },
        () => {
          clearTimeout(timer)
          if (stopListening) stopListening()
        },
      )
      // A call ended by its timeout or signal cancels the real request too.
      const cancel = (error: FunctionsFetchError) => {
        call.fail(error)
        abortSafely(task)
      }
      /** Sends the built request with this Bearer token: step three, once the token is known. */
      const send = (token: string | null | undefined) => {
        if (call.ended()) return
        try {
          task = start(config.pipeline, {
            url: request.url,
            method: plan.method,
            header: finalHeaders(config, request, plan, token),
            data: request.body.data,
            timeout: plan.timeout || undefined,
            call: plan.settings,
            success: call.success,
            fail: call.fail,
          })
        } catch (error) {
          call.fail(error)
        }
      }

      try {
        plan = checkCall(config, options)
        request = buildRequest(config, name, options, plan, authToken)
      } catch (error) {
        return call.fail(error)
      }
      const { signal, timeout } = plan
      if (signal && signal.aborted) return call.fail(abortedError(signal))
      if (timeout) {
        timer = setTimeout(() => cancel(new FunctionsFetchError(new Error(`No answer within ${timeout} ms`), 'TIMEOUT')), timeout)
      }
      if (signal) stopListening = onAbort(signal, () => cancel(abortedError(signal)))
      const { accessToken } = config
      if (hasAuthorization(request) || !accessToken) return send(config.anonBearer)
      // A hook that throws becomes a rejection here, and so a typed error.
      new Promise<string | null | undefined>((resolveToken) => resolveToken(accessToken(config.context))).then(
        (token) => send(token || config.anonBearer),
        (error) => call.fail(new FunctionsRequestError('accessToken() failed', error)),
      )
    })

  return {
    invoke: wrapInvoke(invoke, config.features) as FunctionsClient['invoke'],
    setAuth(token) {
      authToken = token
    },
  }
}
