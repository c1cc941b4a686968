// Types only: a typed client is the same object as an untyped one.
import type { EventStream } from './stream/event-stream'
import type { HttpMethod } from './methods'
import type { StreamOptions } from './stream/stream-options'
import type { FunctionsResponse, InvokeOptions, QueryParams, QueryValue } from './types'

/**
 * What a registry says about one function. A request field it leaves out may not be sent (`body`,
 * `query`, `stream`); one it declares optional (`body?:`) may be left out; one it declares is required.
 */
export interface FunctionDefinition {
  /** The request body. */
  body?: unknown
  /** The query parameters (`invoke`'s `query` option). */
  query?: QueryParams
  /** The methods it answers; when POST (the default) is not one of them, calls must pass `method`. Absent: any method. */
  method?: HttpMethod
  /** `data` of a successful call; default `unknown`. */
  response?: unknown
  /** `true`: it answers with an event stream: calls pass `stream` (so the client insists on one), and `data` is an `EventStream`. */
  stream?: boolean
}

/**
 * A registry: each function name mapped to its `FunctionDefinition`. Write it as an interface and pass
 * it to `createFunctions<MyFunctions>()`, or augment `AppFunctions` for the Taro and uni-app plugins.
 */
export type FunctionsRegistry<R> = { [Name in keyof R]: Omit<FunctionDefinition, 'query'> & QueryChecked<R[Name]> }

/** A query type may be an interface (which has no index signature): its parameters are checked one by one. */
type QueryChecked<D> = D extends { query?: infer Q } ? { query?: { [K in keyof NonNullable<Q>]: QueryValue } } : {}

/**
 * The app's functions, typing the clients of the Taro and uni-app plugins (`Taro.$functions`,
 * `this.$functions`, `uni.$functions`, `useFunctions()`). Augment it once:
 * `declare module 'mp-functions' { interface AppFunctions { hello: { body: { name: string }; response: { message: string } } } }`.
 * Left empty, those clients are untyped.
 */
// biome-ignore lint/suspicious/noEmptyInterface: an interface, so that apps can augment it (a type alias cannot be)
export interface AppFunctions {}

/** A field as the definition declares it: optional if optional there, else required; `Absent` if not declared. */
type Field<D, K extends string, Absent> = K extends keyof D ? ({} extends Pick<D, K> ? { [P in K]?: D[K] } : { [P in K]: D[K] }) : Absent

type MethodField<D> = D extends { method?: infer M }
  ? 'POST' extends M
    ? { method?: Exclude<M, undefined> }
    : { method: Exclude<M, undefined> }
  : { method?: HttpMethod }

type StreamField<D> = D extends { stream: true } ? { stream: true | StreamOptions } : { stream?: false }

/** `invoke`'s options for a function of the registry. */
export type TypedInvokeOptions<D> = Omit<InvokeOptions, 'body' | 'query' | 'method' | 'stream'> &
  Field<D, 'body', { body?: never }> &
  Field<D, 'query', { query?: never }> &
  MethodField<D> &
  StreamField<D>

/** `data` of a successful call of a function of the registry. */
export type TypedResponse<D> = D extends { stream: true } ? EventStream : D extends { response: infer T } ? T : unknown

/** The options object is required as soon as anything in it is. */
type Args<O> = {} extends O ? [options?: O] : [options: O]

/** An absolute address, called untyped by a typed client. */
export type AbsoluteUrl = `http://${string}` | `https://${string}`

/** `invoke` of a client without a registry: any name, `data` of the type given (default `any`). */
export interface UntypedInvoke {
  /** Resolves with `{ data, error, response }`; never rejects. */
  // biome-ignore lint/style/useShorthandFunctionType: an interface keeps the call's own doc comment in editors and the API reference
  // biome-ignore lint/suspicious/noExplicitAny: untyped, as functions-js's invoke
  <T = any>(functionName: string, options?: InvokeOptions): Promise<FunctionsResponse<T>>
}

/**
 * `invoke` of a client with a registry: the registry's names, checked options and typed `data`. Other
 * absolute http(s) addresses are called untyped (`data: any`); to type one, make it a registry name.
 */
export interface TypedInvoke<R> {
  /** Resolves with `{ data, error, response }`; never rejects. */
  // biome-ignore lint/style/useShorthandFunctionType: as UntypedInvoke
  <Name extends (keyof R & string) | AbsoluteUrl>(
    functionName: Name,
    ...options: Name extends keyof R ? Args<TypedInvokeOptions<R[Name]>> : [options?: InvokeOptions]
    // biome-ignore lint/suspicious/noExplicitAny: an address outside the registry is untyped
  ): Promise<FunctionsResponse<Name extends keyof R ? TypedResponse<R[Name]> : any>>
}

/** A registry without names (empty), or with any name (`any`, `Record<string, …>`), means an untyped client. */
export type InvokeFor<R> = [keyof R] extends [never] ? UntypedInvoke : string extends keyof R ? UntypedInvoke : TypedInvoke<R>
