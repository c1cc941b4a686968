import { concatBytes } from '../bytes'
import { headerValue } from '../headers'
import { retryAfterMs } from '../retry-after'
import type { RetryOptions, Transport, TransportOptions, TransportResponse, TransportTask } from '../types'

const DEFAULTS: Required<RetryOptions> = {
  attempts: 3,
  methods: ['GET', 'HEAD', 'PUT', 'DELETE', 'OPTIONS'],
  statusCodes: [502, 503, 504],
  failures: ['NETWORK_ERROR'],
  delay: 300,
  maxDelay: 5000,
  maxRetryAfter: 10000,
}

/**
 * Sends a request again when it failed in a way worth retrying (see `RetryOptions`; a call's own
 * `retry` option goes over `options`). The client's timeout and signal end the retries too: aborting
 * the task stops the waiting, and no wait runs past the call's timeout. A call that took more than one
 * attempt says so: `(N attempts)` in a failure's message, `x-retry-attempts: N` in the answer's headers.
 */
export function retryTransport(transport: Transport, options?: RetryOptions): Transport {
  return (request) => {
    const own = request.invoke && request.invoke.retry
    const o: Record<string, any> = Object.assign({}, DEFAULTS)
    // Options left undefined keep their default: an undefined attempts or delay must not retry forever.
    for (const given of [options, own === false ? { attempts: 1 } : own] as any[]) for (const key in given) if (given[key] != null) o[key] = given[key]
    const start = Date.now()
    const left = () => (request.timeout ? request.timeout - (Date.now() - start) : Infinity)
    let attempt = 0
    let done = false
    // Once any part of the answer reached the caller (streaming's onHeaders/onChunk), it cannot be sent again.
    let delivered = false
    let task: TransportTask | void
    let timer: any

    const backoff = () => Math.min(o.maxDelay, o.delay * 2 ** (attempt - 1)) * (0.5 + Math.random() / 2)
    // Schedules the next attempt after `wait` ms when one is allowed; false when the answer stands.
    const again = (worth: boolean, wait?: number) => {
      // Written so that a NaN anywhere means no retry.
      if (!worth || delivered || !(attempt < o.attempts) || o.methods.indexOf(request.method) < 0 || !(wait! < left())) return false
      timer = setTimeout(send, wait)
      return true
    }

    function send() {
      attempt++
      // An answer in pieces whose status will be retried is kept from the caller (a stream layer would
      // take it as the start of the stream); if it stands after all, its bytes go out whole in success.
      let holding = false
      const held: ArrayBuffer[] = []
      const attemptRequest: TransportOptions = Object.assign({}, request, {
        timeout: request.timeout && Math.max(1, left()),
        success(response: TransportResponse) {
          if (done) return
          const after = retryAfterMs(headerValue(response.header, 'retry-after'))
          const wait = after === undefined ? backoff() : after <= o.maxRetryAfter ? after : undefined
          if (again(o.statusCodes.indexOf(response.statusCode) >= 0, wait)) return
          done = true
          if (held.length) response = Object.assign({}, response, { data: concatBytes(held.concat(response.data)) })
          if (attempt > 1) response = Object.assign({}, response, { header: Object.assign({}, response.header, { 'x-retry-attempts': '' + attempt }) })
          request.success(response)
        },
        fail(error: unknown, code = 'NETWORK_ERROR' as const, hint = '') {
          if (done || again(o.failures.indexOf(code as any) >= 0, backoff())) return
          done = true
          request.fail(error, code, attempt > 1 ? hint + ` (${attempt} attempts)` : hint)
        },
      })
      for (const key in request) {
        const callback = (request as any)[key]
        if (/^on[A-Z]/.test(key) && typeof callback == 'function') {
          ;(attemptRequest as any)[key] = function (this: unknown, value: any) {
            if (key == 'onHeaders' && o.statusCodes.indexOf(value.statusCode) >= 0 && attempt < o.attempts && o.methods.indexOf(request.method) >= 0) holding = true
            if (holding) return key == 'onChunk' && held.push(value)
            delivered = true
            return callback.apply(this, arguments)
          }
        }
      }
      try {
        task = transport(attemptRequest)
      } catch (e) {
        attemptRequest.fail(e)
      }
    }

    send()
    return {
      abort() {
        if (done) return
        done = true
        clearTimeout(timer)
        request.fail(new Error('The call was cancelled'), 'ABORTED')
        if (task) task.abort()
      },
    }
  }
}
