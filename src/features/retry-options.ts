import type { HttpMethod } from '../methods'

/** What the `retry` feature retries, and how long it waits. */
export interface RetryOptions {
  /** Attempts in all, the first included; default 3. `1` sends once. */
  attempts?: number
  /** Default `['GET', 'HEAD', 'PUT', 'DELETE', 'OPTIONS']`: idempotent methods only, so nothing runs twice by surprise. */
  methods?: HttpMethod[]
  /** Answers worth another attempt; default `[502, 503, 504]`. Add `429` to wait out rate limits. */
  statusCodes?: number[]
  /** Failures worth another attempt; default `['NETWORK_ERROR']`. Timeouts and cancels never retry. */
  failures?: Array<'NETWORK_ERROR' | 'INTERRUPTED'>
  /** Milliseconds before the second attempt, doubling after each (random 50–100 % of it: jitter); default 300. */
  delay?: number
  /** Upper bound for one wait, milliseconds; default 5000. */
  maxDelay?: number
  /** The longest `Retry-After` (seconds or HTTP-date) to wait, milliseconds; a longer one ends the retries. Default 10000. */
  maxRetryAfter?: number
}
