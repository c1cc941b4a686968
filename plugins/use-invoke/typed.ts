// How the hooks are typed by the app's registry (`AppFunctions`), as `invoke` is: names, options, data.
import type { AppFunctions, TypedInvokeOptions, TypedResponse } from '../../src/registry'
import type { FunctionsResponse, InvokeError, InvokeOptions } from '../../src/types'
import type { HookOptions, StreamHookOptions } from './options'
import type { ServerSentEvent } from '../../src/stream/sse-parser'

/** An app without a registry (or with any name) calls untyped, as its client does. */
type Untyped = [keyof AppFunctions] extends [never] ? true : string extends keyof AppFunctions ? true : false

/** A function name the hooks take: the registry's, or any for an untyped app. */
export type HookName = Untyped extends true ? string : keyof AppFunctions & string

/** The call's options (no `signal`, no `stream`: the hook owns them), every one optional: `run()` may give the rest. */
export type HookCallOptions<Name> = Untyped extends true
  ? Partial<Omit<InvokeOptions, 'signal' | 'stream'>>
  : Name extends keyof AppFunctions
    ? Partial<Omit<TypedInvokeOptions<AppFunctions[Name]>, 'signal' | 'stream'>>
    : never

/** `data` of a successful call of `Name`. */
export type HookData<Name> = Untyped extends true
  ? // biome-ignore lint/suspicious/noExplicitAny: untyped, as `invoke` without a registry
    any
  : Name extends keyof AppFunctions
    ? TypedResponse<AppFunctions[Name]>
    : never

/** `useInvoke`'s options: the call's, and the hook's own. */
export type UseInvokeOptions<Name> = HookCallOptions<Name> & HookOptions

/** `useInvokeStream`'s options. */
export type UseInvokeStreamOptions<Name> = HookCallOptions<Name> & StreamHookOptions

/** What the hooks give besides their state, the same in every framework. */
export interface InvokeMethods<Name, Data> {
  /** Calls with the hook's options, `overrides` over them; resolves with the call's answer (never rejects). A newer call wins. */
  run(overrides?: HookCallOptions<Name>): Promise<FunctionsResponse<Data>>
  /** Calls again with the last `run`'s overrides. */
  refresh(): Promise<FunctionsResponse<Data>>
  /** Aborts the running call (the request too); its answer never shows, `loading` becomes false. */
  cancel(): void
}

/** The state of `useInvoke`. */
export interface InvokeState<Data> {
  /** The latest successful call's data (kept while a new call runs); `null` before the first. */
  data: Data | null
  /** The latest call's error (`null` once a new call starts); never a cancelled call's. */
  error: InvokeError | null
  /** A call is running. */
  loading: boolean
}

/** The state of `useInvokeStream`. */
export interface InvokeStreamState {
  /** The events so far (server-sent events), each as it arrived. */
  events: ServerSentEvent[]
  /** The text so far: each event's `pick(event)` (default its data), or the raw text of a `text/plain` stream. */
  text: string
  /** The call failed or the stream broke (never when cancelled). */
  error: InvokeError | null
  /** From the call until the stream ends. */
  loading: boolean
}
