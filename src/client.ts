import { encodeBody } from './body'
import { FunctionsError } from './errors/FunctionsError'
import { FunctionsFetchError } from './errors/FunctionsFetchError'
import { FunctionsHttpError } from './errors/FunctionsHttpError'
import { FunctionsRelayError } from './errors/FunctionsRelayError'
import { FunctionsRequestError } from './errors/FunctionsRequestError'
import { FunctionsResponseError } from './errors/FunctionsResponseError'
import { headerObject, safeValue, setHeaders } from './headers'
import type { FunctionsRegistry } from './registry'
import { createResponse, readBody, textOf } from './response'
import { send } from './send'
import type { FunctionsClient, FunctionsOptions, FunctionsResponse, InvokeOptions, ResponseLike, TransportResponse } from './types'
import { functionUrl, originOf, withQuery } from './url'

const trimSlashes = (url?: string) => url && String(url).replace(/\/+$/, '')

/**
 * A functions client over `options.transport`; `createFunctions<MyFunctions>()` types it by a registry
 * (see `FunctionsRegistry`). Never throws: a wrong option makes every `invoke` resolve with a
 * `FunctionsRequestError` saying what to change (a throw here would crash a mini-program at start-up).
 */
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

  // Building and checking an address is most of a call's own work: done once per name, and
  // forgotten wholesale past a bound so names made from ids cannot grow it forever.
  let addresses: Record<string, string> = Object.create(null)
  let remembered = 0
  const addressOf = (name: string) => {
    let address = typeof name == 'string' && addresses[name]
    if (!address) {
      address = functionUrl(functionsUrl!, name)
      const origin = originOf(address)
      if (!origin || trusted.indexOf(origin) < 0) {
        throw new FunctionsRequestError(`Not sending keys to ${origin || address}: add it to trustedOrigins`)
      }
      if (++remembered > 256) (addresses = Object.create(null)), (remembered = 1)
      addresses[name] = address
    }
    return address
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
      // Anything unforeseen (a transport that throws, say) is still a typed error, never a rejection.
      const fail = (e: unknown) => settle(e instanceof FunctionsError ? e : new FunctionsFetchError(e))
      const onAbort = () => settle(new FunctionsFetchError(signal!.reason, 'ABORTED'))
      // Each step runs in the same turn as what it waits for: no microtask hops of its own.
      const step = (work: (arg?: any) => void) => (arg?: any) => {
        try {
          if (!settled) work(arg)
        } catch (e) {
          fail(e)
        }
      }

      step(() => {
        const method = String(options.method || 'POST').toUpperCase() as any
        const error = (problem && 'createFunctions: ' + problem) ||
          (!/^(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)$/.test(method) && `Unsupported method "${method}"`) ||
          (options.body != null && /^(GET|HEAD)$/.test(method) && `A ${method} request cannot have a body`) ||
          // setTimeout fires at once past 2^31 - 1 ms, so a larger timeout would silently be none.
          (timeout != null && !(timeout === +timeout && timeout >= 0 && timeout < 2 ** 31) && 'timeout must be 0 to 2147483647 ms') ||
          (signal && !signal.addEventListener && 'signal must be an AbortSignal')
        if (error) throw new FunctionsRequestError(error)
        const address = withQuery(addressOf(name), region, options.query)
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

        const receive = step((raw: TransportResponse) => {
          abort = undefined
          const answer = (response = createResponse(address, raw))
          const relay = answer.headers.get('x-relay-error') == 'true'
          let data
          try {
            data = readBody(answer, raw)
          } catch (e) {
            if (relay || !answer.ok) data = textOf(raw)
            else throw new FunctionsResponseError(`The body does not match its Content-Type: ${e}`, answer)
          }
          if (relay) throw new FunctionsRelayError(answer, data)
          if (!answer.ok) throw new FunctionsHttpError(answer, data)
          settle(null, data)
        })
        const request = step((token?: string | null) => {
          const header = headerObject(headers)
          // SDK defaults sit below everything the caller set, whatever its casing.
          const add = (name: string, value?: string) => {
            if (value != null && !headers[name.toLowerCase()]) header[name] = safeValue(name, value)
          }
          add('Content-Type', encoded.type)
          add('x-region', region)
          add('Authorization', token ? 'Bearer ' + token : undefined)
          add('apikey', o.anonKey)
          abort = send(
            o.transport,
            {
              url: address,
              method,
              header,
              data: encoded.data,
              timeout: timeout || undefined,
              invoke: options,
            },
            receive,
            fail,
          )
        })

        if (headers.authorization || !o.accessToken) return request(anonBearer)
        // A hook that throws becomes a rejection here, and so a typed error.
        new Promise((resolve) => resolve(o.accessToken!(context))).then(
          (token: any) => request(token || anonBearer),
          (e) => fail(new FunctionsRequestError('accessToken() failed', e)),
        )
      })()
    })
  }

  return {
    invoke,
    setAuth(token) {
      authToken = token
    },
  }
}
