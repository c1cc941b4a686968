import { encodeBody } from './body'
import { FunctionsError } from './errors/FunctionsError'
import { FunctionsFetchError } from './errors/FunctionsFetchError'
import { FunctionsHttpError } from './errors/FunctionsHttpError'
import { FunctionsRelayError } from './errors/FunctionsRelayError'
import { FunctionsRequestError } from './errors/FunctionsRequestError'
import { FunctionsResponseError } from './errors/FunctionsResponseError'
import { headerObject, setHeaders } from './headers'
import type { FunctionsRegistry } from './registry'
import { createResponse, readBody } from './response'
import { send } from './send'
import type { FunctionsClient, FunctionsOptions, FunctionsResponse, InvokeOptions, ResponseLike } from './types'
import { functionUrl, originOf } from './url'

const trimSlashes = (url?: string) => url && String(url).replace(/\/+$/, '')

/** A client; `createFunctions<MyFunctions>()` types it by a registry (see `FunctionsRegistry`). */
export function createFunctions<R extends FunctionsRegistry<R> = {}>(options: FunctionsOptions): FunctionsClient<R>
export function createFunctions(options: FunctionsOptions): FunctionsClient {
  const o = options || ({} as FunctionsOptions)
  const url = trimSlashes(o.url)
  const functionsUrl = trimSlashes(o.functionsUrl) || (url && url + '/functions/v1')
  const trusted = [url, functionsUrl].concat(o.trustedOrigins || []).map(originOf)
  // Reported by every call rather than thrown here, where it would crash the app at start-up.
  const problem =
    typeof o.transport != 'function'
      ? 'transport is missing'
      : (url && !trusted[0]) || trusted.slice(1).some((origin) => !origin)
        ? 'url, functionsUrl, trustedOrigins must be http(s)'
        : ''
  const context = { url, anonKey: o.anonKey, transport: o.transport }
  // New-format publishable keys are not JWTs, so they are never sent as a Bearer token.
  const anonBearer = /^sb_publishable_/.test(o.anonKey!) ? undefined : o.anonKey
  let authToken: string | null

  async function bearer() {
    try {
      return (o.accessToken && (await o.accessToken(context))) || anonBearer
    } catch (e) {
      throw new FunctionsRequestError('accessToken() failed', e)
    }
  }

  function invoke<T = any>(name: string, invokeOptions?: InvokeOptions): Promise<FunctionsResponse<T>> {
    const options = invokeOptions || {}
    const { signal } = options
    const wanted = options.region || o.region
    // `'any'` (per call or for the client) means no pinned region.
    const region = wanted != 'any' ? wanted : undefined
    const timeout = options.timeout !== undefined ? options.timeout : o.timeout
    let settled = false
    let timer: any
    let abort: (() => void) | undefined
    let unlisten: (() => void) | undefined
    let response: ResponseLike | undefined

    return new Promise((resolve) => {
      const settle = (error: FunctionsError | null, data: unknown = null) => {
        if (settled) return
        settled = true
        resolve({ data, error, response } as FunctionsResponse<T>)
        clearTimeout(timer)
        // A call ended by its timeout or signal cancels the real request too.
        if (abort) abort()
        try {
          if (unlisten) unlisten()
        } catch (e) {
          // A half-made signal must not throw out of a timer and crash the app.
        }
      }
      const onAbort = () => settle(new FunctionsFetchError(signal!.reason, 'ABORTED'))

      const run = async () => {
        const method = String(options.method || 'POST').toUpperCase() as any
        const error = (problem && 'createFunctions: ' + problem) ||
          (!/^(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)$/.test(method) && `Unsupported method "${method}"`) ||
          (options.body != null && /^(GET|HEAD)$/.test(method) && `A ${method} request cannot have a body`) ||
          // setTimeout fires at once past 2^31 - 1 ms, so a larger timeout would silently be none.
          (timeout != null && !(timeout === +timeout && timeout >= 0 && timeout < 2 ** 31) && 'timeout must be 0 to 2147483647 ms') ||
          (signal && !signal.addEventListener && 'signal must be an AbortSignal')
        if (error) throw new FunctionsRequestError(error)
        const address = functionUrl(functionsUrl!, name, region, options.query)
        const origin = originOf(address)
        if (!origin || trusted.indexOf(origin) < 0) {
          throw new FunctionsRequestError(`Not sending keys to ${origin || address}: add it to trustedOrigins`)
        }
        const headers = setHeaders(setHeaders(setHeaders({}, o.headers), authToken && { Authorization: 'Bearer ' + authToken }), options.headers)
        const encoded = encodeBody(options.body)
        if (signal && signal.aborted) return onAbort()
        if (timeout) {
          timer = setTimeout(() => {
            settle(new FunctionsFetchError(new Error(`No answer within ${timeout} ms`), 'TIMEOUT'))
          }, timeout)
        }
        if (signal) {
          signal.addEventListener('abort', onAbort)
          unlisten = () => signal.removeEventListener('abort', onAbort)
        }

        const token = headers.authorization ? undefined : await bearer()
        if (settled) return
        // SDK defaults sit below everything the caller set, whatever its casing.
        const sending = send(o.transport, {
          url: address,
          method,
          header: headerObject(
            Object.assign(
              setHeaders({}, {
                'Content-Type': encoded.type,
                'x-region': region,
                Authorization: token && 'Bearer ' + token,
                apikey: o.anonKey,
              }),
              headers,
            ),
          ),
          data: encoded.data,
          timeout: timeout || undefined,
          invoke: options,
        })
        abort = sending.abort
        const raw = await sending.promise
        abort = undefined
        const answer = (response = createResponse(address, raw))
        const relay = answer.headers.get('x-relay-error') == 'true'
        let data
        try {
          data = await readBody(answer, raw)
        } catch (e) {
          if (relay || !answer.ok) data = await answer.text()
          else throw new FunctionsResponseError(`The body does not match its Content-Type: ${e}`, answer)
        }
        if (relay) throw new FunctionsRelayError(answer, data)
        if (!answer.ok) throw new FunctionsHttpError(answer, data)
        settle(null, data)
      }
      // Anything unforeseen (a transport that throws, say) is still a typed error, never a rejection.
      run().catch((e) => settle(e instanceof FunctionsError ? e : new FunctionsFetchError(e)))
    })
  }

  return {
    invoke,
    setAuth(token) {
      authToken = token
    },
  }
}
