// Type-checked only (`tsc -p .`, run by the repo's tests): with `AppFunctions` augmented (src/functions.d.ts),
// every client of the plugin is typed by it — what must compile does, with `data`'s exact type; each
// `@ts-expect-error` line must fail.
import { Component } from 'react'
import Taro from '@tarojs/taro'
import { createAbortController, type EventStream, type FunctionsClient, type InvokeError, type ServerSentEvent } from 'mp-functions'
import { useInvoke, useInvokeStream } from 'mp-functions/taro/react'
import { createTaroFunctions, getFunctions, taroTransport, useFunctions } from 'mp-functions/taro'

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false
const exact = <A, B>(_proof: Equal<A, B>) => _proof

export class Probe extends Component {
  async run(): Promise<string | undefined> {
    const { data } = await this.$functions.invoke('hello', { body: { name: '世界' } })
    exact<typeof data, { message: string } | null>(true)
    // @ts-expect-error an unknown function
    await this.$functions.invoke('nope')
    // @ts-expect-error the body is required
    await this.$functions.invoke('hello')
    // @ts-expect-error the client is the app's: not replaced through a component
    this.$functions = Taro.$functions
    return data?.message
  }
}

export async function hook(): Promise<number | undefined> {
  const { data } = await useFunctions().invoke('binary', { body: new Uint8Array([1]), timeout: 1000 })
  exact<typeof data, ArrayBuffer | null>(true)
  // @ts-expect-error a wrong body
  await useFunctions().invoke('binary', { body: 'text' })
  return data?.byteLength
}

export async function global() {
  const slow = await Taro.$functions.invoke('slow', { query: { ms: 10 } })
  exact<typeof slow.data, { waited: number } | null>(true)
  // Pattern names: any `status/<number>`.
  const status = await getFunctions().invoke('status/418')
  exact<typeof status.data, { error: string; code: number } | null>(true)
  // @ts-expect-error the query is required
  await Taro.$functions.invoke('slow')
  // @ts-expect-error a query parameter of the wrong type
  await Taro.$functions.invoke('slow', { query: { ms: '10' } })
  // @ts-expect-error not a status code
  await Taro.$functions.invoke('status/teapot')
  // Absolute addresses stay untyped.
  const other = await Taro.$functions.invoke('https://other.example/fn', { body: 1 })
  exact<typeof other.data, any>(true)
  const client: FunctionsClient<import('mp-functions').AppFunctions> = Taro.$functions
  return client
}

export async function created() {
  const streaming = createTaroFunctions({ url: 'https://abcd.supabase.co', transport: taroTransport() })
  const { data } = await streaming.invoke('sse', { query: { count: 3 }, stream: true })
  exact<typeof data, EventStream | null>(true)
  // @ts-expect-error a streaming function needs `stream`
  await streaming.invoke('sse', { query: { count: 3 } })
  // Another backend: its own registry, or none.
  const other = createTaroFunctions<{ pay: { body: { amount: number }; response: { paid: boolean } } }>({ url: 'https://other.example' })
  exact<Awaited<ReturnType<typeof other.invoke<'pay'>>>['data'], { paid: boolean } | null>(true)
  const untyped = createTaroFunctions<{}>({ url: 'https://other.example' })
  exact<typeof untyped, FunctionsClient>(true)
}

// useInvoke / useInvokeStream: names, options and data typed by the same registry.
export function UseInvokeProbe(): string {
  const { data, error, loading, run, refresh, cancel } = useInvoke('hello', { body: { name: '世界' }, loading: true })
  exact<typeof data, { message: string } | null>(true)
  exact<typeof loading, boolean>(true)
  exact<typeof error, InvokeError | null>(true)
  run({ body: { name: 'again' } }).then((answer) => {
    if (!answer.error) exact<typeof answer.data, { message: string }>(true)
  })
  refresh()
  cancel()
  // @ts-expect-error an unknown function
  useInvoke('nope')
  // @ts-expect-error a wrong body
  useInvoke('hello', { body: { name: 1 } })
  // @ts-expect-error the hook owns the signal
  useInvoke('hello', { signal: createAbortController().signal })
  const slow = useInvoke('slow', { query: { ms: 10 }, deps: [1], cache: { staleTime: 1000 }, dedupe: true, pauseOnHide: true })
  exact<typeof slow.data, { waited: number } | null>(true)
  const chat = useInvokeStream('sse', { query: { count: 3 }, pick: (event) => event.data })
  exact<typeof chat.events, ServerSentEvent[]>(true)
  exact<typeof chat.text, string>(true)
  return data ? data.message : ''
}
