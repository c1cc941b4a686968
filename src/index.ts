/**
 * The core: `createFunctions`, its transports and features (retries, a queue, hooks), sessions, streaming and errors.
 * @module mp-functions
 */
export { createFunctions, type FunctionsClient } from './client'
export type { FunctionsOptions, ClientContext, AccessTokenHook } from './config'
export { fetchTransport, type BodyReader, type FetchLike } from './transports/fetch'
export {
  miniProgramTransport,
  type MiniProgramTransportOptions,
  type MiniProgramRequest,
  type MiniProgramRequestOptions,
  type MiniProgramResponse,
  type MiniProgramFailure,
} from './transports/mini-program'
export type { MiniProgramPlatform } from './transports/request-shapes'
export type { Feature, FeaturePlace, InvokeFunction } from './pipeline'
export { retry } from './features/retry'
export type { RetryOptions } from './features/retry-options'
export { queue, type QueueOptions } from './features/queue'
export { hooks, type FunctionsHooks, type HookCall, type HookResult } from './features/hooks'
export { cloudRelay, type CloudRelayOptions, type CloudRelayRuntime, type CloudLike } from './features/cloud-relay'
export type { RelayRequest, RelayAnswer } from './transports/cloud-function'
export {
  cloudRelayFetch,
  type RelayFetch,
  type RelayFetchInit,
  type RelayFetchHeaders,
  type HeadersForEach,
  type RelayFetchResponse,
} from './features/cloud-relay-fetch'
export { sessionFromStorage, type SessionOptions } from './session'
export { defaultStorageKey } from './storage-key'
export type { StreamOptions } from './stream/stream-options'
export type { EventStream, StreamHandlers } from './stream/event-stream'
export type { ServerSentEvent } from './stream/sse-parser'
export { createAbortController, type AbortControllerLike, type AbortSignalLike } from './abort'
export { FunctionRegion } from './region'
export { HTTP_METHODS, type HttpMethod } from './methods'
export type { FunctionsErrorCode, TransportFailureCode } from './errors/codes'
export { FunctionsError } from './errors/FunctionsError'
export { FunctionsFetchError } from './errors/FunctionsFetchError'
export { FunctionsHttpError } from './errors/FunctionsHttpError'
export { FunctionsRelayError } from './errors/FunctionsRelayError'
export { FunctionsRequestError } from './errors/FunctionsRequestError'
export { FunctionsResponseError } from './errors/FunctionsResponseError'
export { FunctionsHookError } from './errors/FunctionsHookError'
export type { AnswerHead, CallSettings, PlatformBody, Transport, TransportOptions, TransportResponse, TransportTask } from './transport'
export type * from './types'
export type * from './registry'
