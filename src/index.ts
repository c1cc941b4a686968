/**
 * The core: `createFunctions` and its transports, sessions, streaming, retries, queue, hooks and errors.
 * @module mp-functions
 */
export { createFunctions } from './client'
export { fetchTransport, type FetchLike } from './transports/fetch'
export {
  miniProgramTransport,
  type MiniProgramRequest,
  type MiniProgramRequestOptions,
  type MiniProgramResponse,
  type MiniProgramFailure,
} from './transports/mini-program'
export { retryTransport } from './transports/retry'
export { queueTransport, type QueueOptions } from './transports/queue'
export { withHooks, type FunctionsHooks, type HookCall, type HookResult } from './hooks'
export { sessionFromStorage, type SessionOptions } from './session'
export { eventStreams } from './stream/event-streams'
export type { EventStream, StreamHandlers } from './stream/event-stream'
export type { ServerSentEvent } from './stream/sse-parser'
export { createAbortController, type AbortControllerLike } from './abort'
export { FunctionRegion } from './region'
export { FunctionsError } from './errors/FunctionsError'
export { FunctionsFetchError } from './errors/FunctionsFetchError'
export { FunctionsHttpError } from './errors/FunctionsHttpError'
export { FunctionsRelayError } from './errors/FunctionsRelayError'
export { FunctionsRequestError } from './errors/FunctionsRequestError'
export { FunctionsResponseError } from './errors/FunctionsResponseError'
export { FunctionsHookError } from './errors/FunctionsHookError'
export type * from './types'
export type * from './registry'
