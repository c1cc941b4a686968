import type { AbortSignalLike } from './abort'
import { type ClientConfig, hasFeature } from './config'
import { FunctionsRequestError } from './errors/FunctionsRequestError'
import { HTTP_METHODS, type HttpMethod, hasNoBody } from './methods'
import type { CallSettings } from './transport'
import type { InvokeOptions } from './types'

/** A call's settings, checked: what the client does with it. */
export interface CallPlan {
  method: HttpMethod
  /** The region pinned, if any (`'any'` pins none). */
  region?: string
  /** Milliseconds; 0 or undefined means none. */
  timeout?: number
  signal?: AbortSignalLike
  /** What the pipeline's layers read. */
  settings: CallSettings
}

// setTimeout fires at once past 2^31 - 1 ms, so a larger timeout would silently be none.
const MAX_TIMEOUT_MS = 2147483647

const isTimeout = (value: unknown) => typeof value == 'number' && value >= 0 && value <= MAX_TIMEOUT_MS && Math.floor(value) === value

/** Checks a call against its client; throws a `FunctionsRequestError` that says what to change. */
export function checkCall(config: ClientConfig, options: InvokeOptions): CallPlan {
  if (config.problem) throw new FunctionsRequestError(config.problem)
  const method = String(options.method || 'POST').toUpperCase() as HttpMethod
  if (HTTP_METHODS.indexOf(method) < 0) throw new FunctionsRequestError(`Unsupported method "${method}"`)
  if (options.body != null && hasNoBody(method)) throw new FunctionsRequestError(`A ${method} request cannot have a body`)
  const timeout = options.timeout !== undefined ? options.timeout : config.timeout
  if (timeout != null && !isTimeout(timeout)) throw new FunctionsRequestError('timeout must be 0 to 2147483647 ms')
  const { signal } = options
  if (signal && typeof signal.addEventListener != 'function') throw new FunctionsRequestError('signal must be an AbortSignal')
  if (options.retry && !hasFeature(config, 'retry')) {
    throw new FunctionsRequestError(
      'retry: this client has no retry feature: add retry() to its features (createFunctions, app.use, or config/index.ts in Taro)',
    )
  }
  const { stream } = options
  const idleTimeout = stream && typeof stream == 'object' ? stream.idleTimeout : undefined
  if ((stream != null && typeof stream != 'boolean' && typeof stream != 'object') || (idleTimeout != null && !isTimeout(idleTimeout))) {
    throw new FunctionsRequestError('stream must be true, false or { idleTimeout: 0 to 2147483647 ms }')
  }
  const region = options.region || config.region
  return {
    method,
    region: region != 'any' ? region : undefined,
    timeout,
    signal,
    settings: { retry: options.retry, stream: options.stream, signal },
  }
}
