import { abortSafely, endOnce, start } from '../exchange'
import { lowerCased } from '../headers'
import type { Feature } from '../pipeline'
import { retryAfterMs } from '../retry-after'
import type { Transport, TransportOptions, TransportTask } from '../transport'
import type { RetryOptions } from './retry-options'

const DEFAULTS: Required<RetryOptions> = {
  attempts: 3,
  methods: ['GET', 'HEAD', 'PUT', 'DELETE', 'OPTIONS'],
  statusCodes: [502, 503, 504],
  failures: ['NETWORK_ERROR'],
  delay: 300,
  maxDelay: 5000,
  maxRetryAfter: 10000,
}

/** The policy of one call: its own `retry` option over the feature's, over the defaults. Options left undefined keep their default. */
function policyOf(feature: RetryOptions, own: RetryOptions | false | undefined): Required<RetryOptions> {
  const policy: Record<string, unknown> = Object.assign({}, DEFAULTS)
  for (const given of [feature, own === false ? { attempts: 1 } : own]) {
    if (!given) continue
    for (const key in given) {
      const value = (given as Record<string, unknown>)[key]
      if (value != null) policy[key] = value
    }
  }
  return policy as Required<RetryOptions>
}

/**
 * Sends a request again when it failed in a way worth retrying (see `RetryOptions`; a call's own
 * `retry` option goes over the feature's). The call's timeout and signal end the retries too: aborting
 * stops the waiting, and no wait runs past the call's timeout. Sitting above the stream reader, it sees
 * a stream only once it is handed over, so it never sends again after any part of an answer went out.
 * A call that took more than one attempt says so: `(N attempts)` in a failure's message,
 * `x-retry-attempts: N` in the answer's headers.
 */
export function retry(options: RetryOptions = {}): Feature<RetryOptions, 'retry'> {
  return { name: 'retry', options, place: 'answer', wrapTransport: (next) => retrying(next, options) }
}

function retrying(transport: Transport, options: RetryOptions): Transport {
  return (request) => {
    const policy = policyOf(options, request.call && request.call.retry)
    const startedAt = Date.now()
    const timeLeft = () => (request.timeout ? request.timeout - (Date.now() - startedAt) : Infinity)
    const result = endOnce(request, () => clearTimeout(waitTimer))
    let attempt = 0
    let task: TransportTask | void
    let waitTimer: ReturnType<typeof setTimeout> | undefined

    const backoff = () => Math.min(policy.maxDelay, policy.delay * 2 ** (attempt - 1)) * (0.5 + Math.random() / 2)
    /** Schedules another attempt after `wait` ms when one is allowed and worth it; false when this outcome stands. */
    const tryAgain = (worth: boolean, wait: number | undefined) => {
      const allowed = attempt < policy.attempts && policy.methods.indexOf(request.method) >= 0
      // A wait that is unknown (too long a Retry-After) or runs past the call's timeout ends the retries.
      if (!worth || !allowed || wait === undefined || !(wait < timeLeft())) return false
      waitTimer = setTimeout(send, wait)
      return true
    }

    function send() {
      attempt++
      const attemptRequest: TransportOptions = Object.assign({}, request, {
        timeout: request.timeout && Math.max(1, timeLeft()),
        success(response) {
          if (result.ended()) return
          const retryAfter = retryAfterMs(lowerCased(response.header)['retry-after'])
          const wait = retryAfter === undefined ? backoff() : retryAfter <= policy.maxRetryAfter ? retryAfter : undefined
          if (tryAgain(policy.statusCodes.indexOf(response.statusCode) >= 0, wait)) return
          if (attempt == 1) return result.success(response)
          const header = Object.assign({}, response.header, { 'x-retry-attempts': String(attempt) })
          result.success(Object.assign({}, response, { header }))
        },
        fail(error, code = 'NETWORK_ERROR', hint = '') {
          if (result.ended()) return
          const worth = (policy.failures as string[]).indexOf(code) >= 0
          if (tryAgain(worth, backoff())) return
          result.fail(error, code, attempt > 1 ? `${hint} (${attempt} attempts)` : hint)
        },
      } as Pick<TransportOptions, 'timeout' | 'success' | 'fail'>)
      task = start(transport, attemptRequest)
    }

    send()
    return {
      abort() {
        if (result.ended()) return
        result.fail(new Error('The call was cancelled'), 'ABORTED')
        abortSafely(task)
      },
    }
  }
}
