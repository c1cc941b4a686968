// Type-checked by `tsc -p test` (npm test) against the shipped .d.ts: a registry types `invoke` both ways —
// what must compile compiles (with `data`'s exact type), each `@ts-expect-error` line must fail.
import {
  createFunctions,
  fetchTransport,
  hooks,
  type EventStream,
  type FunctionDefinition,
  type FunctionsClient,
  type FunctionsRegistry,
  type FunctionsResponse,
} from 'mp-functions'

/** `true` only when A and B are the same type (not merely assignable either way). */
type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false
const exact = <A, B>(_proof: Equal<A, B>) => {}

/** Query and body types may be interfaces too. */
interface ReportQuery {
  from: string
  limit?: number
}

interface MyFunctions {
  report: { method: 'GET'; query: ReportQuery; response: { rows: string[] } }
  hello: { body: { name: string }; response: { message: string } }
  stats: { method: 'GET'; query: { day: string; tags?: string[] }; response: { count: number } }
  search: { method: 'GET' | 'POST'; query?: { q: string }; response: string[] }
  upload: { body: ArrayBuffer; response: string }
  note: { body?: { text: string }; response: null }
  ping: { response: 'pong' }
  chat: { body: { q: string }; stream: true }
  'fault/flaky': { method: 'GET'; query: { key: string }; response: { ok: boolean } }
  untyped: {}
  'https://functions1.memfiredb.com/abc/pay': { body: { amount: number }; response: { paid: boolean } }
}

const options = { url: 'https://abcd.supabase.co', anonKey: 'key', transport: fetchTransport({ fetch }) }
const functions = createFunctions<MyFunctions>(options)

export async function typed() {
  const { data, error } = await functions.invoke('hello', { body: { name: '世界' } })
  exact<typeof data, { message: string } | null>(true)
  if (!error) exact<typeof data, { message: string }>(true)

  const stats = await functions.invoke('stats', { method: 'GET', query: { day: '2026-11-24' }, timeout: 3000 })
  exact<typeof stats, FunctionsResponse<{ count: number }>>(true)
  await functions.invoke('stats', { method: 'GET', query: { day: '2026-11-24', tags: ['a', 'b'] } })
  // Optional query, POST allowed: the options may be left out.
  await functions.invoke('search')
  await functions.invoke('search', { method: 'GET', query: { q: '中文' } })
  await functions.invoke('upload', { body: new ArrayBuffer(8), headers: { 'Content-Type': 'image/png' } })
  await functions.invoke('note')
  await functions.invoke('note', { body: { text: 'x' } })
  const ping = await functions.invoke('ping')
  exact<typeof ping.data, 'pong' | null>(true)
  await functions.invoke('ping', { timeout: 1000, signal: undefined, region: 'any', retry: false })
  await functions.invoke('fault/flaky', { method: 'GET', query: { key: 'k' } })
  const report = await functions.invoke('report', { method: 'GET', query: { from: '2026-11-01', limit: 10 } })
  exact<typeof report.data, { rows: string[] } | null>(true)
  const untyped = await functions.invoke('untyped', { method: 'PUT' })
  exact<typeof untyped.data, unknown>(true)

  // A streaming function: `stream` is required and `data` an EventStream.
  const chat = await createFunctions<MyFunctions>(options).invoke('chat', {
    body: { q: '你好' },
    stream: { idleTimeout: 5000 },
  })
  exact<typeof chat.data, EventStream | null>(true)

  // Absolute addresses stay untyped.
  const other = await functions.invoke('https://other.example/fn', { body: { anything: 1 } })
  exact<typeof other.data, any>(true)
  // An absolute address in the registry is typed.
  const memfire = await functions.invoke('https://functions1.memfiredb.com/abc/pay', { body: { amount: 1 } })
  exact<typeof memfire.data, { paid: boolean } | null>(true)
}

export async function refused() {
  // @ts-expect-error an unknown name
  await functions.invoke('nope')
  // @ts-expect-error a name with a query string is not a registry name: use `query`
  await functions.invoke('stats?day=1')
  // @ts-expect-error a wrong body
  await functions.invoke('hello', { body: { nam: 'x' } })
  // @ts-expect-error the body is required
  await functions.invoke('hello')
  // @ts-expect-error the body is required
  await functions.invoke('hello', {})
  // @ts-expect-error the query is required
  await functions.invoke('stats', { method: 'GET' })
  // @ts-expect-error a query parameter of the wrong type
  await functions.invoke('stats', { method: 'GET', query: { day: 1 } })
  // @ts-expect-error GET is not the default method: it must be passed
  await functions.invoke('stats', { query: { day: '2026-11-24' } })
  // @ts-expect-error a method the function does not answer
  await functions.invoke('stats', { method: 'POST', query: { day: '2026-11-24' } })
  // @ts-expect-error this function takes no body
  await functions.invoke('ping', { body: 'x' })
  // @ts-expect-error this function takes no query
  await functions.invoke('ping', { query: { a: 1 } })
  // @ts-expect-error a streaming function needs `stream`
  await functions.invoke('chat', { body: { q: '你好' } })
  // @ts-expect-error a function that does not stream
  await functions.invoke('hello', { body: { name: 'x' }, stream: true })
  // @ts-expect-error an unknown option
  await functions.invoke('ping', { bodyy: 1 })
  // @ts-expect-error the type of data comes from the registry
  await functions.invoke<{ other: string }>('hello', { body: { name: 'x' } })
  // @ts-expect-error a registry address is checked like a name
  await functions.invoke('https://functions1.memfiredb.com/abc/pay', { body: { amount: '1' } })
  const { data } = await functions.invoke('hello', { body: { name: 'x' } })
  // @ts-expect-error data is typed, not any
  data?.nope
}

// A registry's entries are checked where it is used.
interface Wrong {
  // A typo: no field of FunctionDefinition.
  hello: { respons: string }
}
// @ts-expect-error not a registry
createFunctions<Wrong>(options)
// @ts-expect-error not an HTTP method
createFunctions<{ x: { method: 'FETCH' } }>(options)
interface NestedQuery {
  filter: { a: number }
}
// @ts-expect-error query parameters are strings, numbers, booleans or arrays of them
createFunctions<{ x: { query: NestedQuery } }>(options)
export const registry: FunctionsRegistry<MyFunctions> = {} as MyFunctions
export const definition: FunctionDefinition = { body: 1, query: { a: 'b' }, method: 'GET', response: 1, stream: false }

// Hooks keep the registry; a typed client is not an untyped one, and the reverse.
export async function hooked() {
  const hookedClient = createFunctions<MyFunctions>({ ...options, features: [hooks({ beforeRequest: (call) => console.log(call.name) })] })
  exact<typeof hookedClient, FunctionsClient<MyFunctions>>(true)
  const { data } = await hookedClient.invoke('hello', { body: { name: 'x' } })
  exact<typeof data, { message: string } | null>(true)
  // @ts-expect-error still checked
  await hookedClient.invoke('nope')
  const untypedHooked = createFunctions({ ...options, features: [hooks({})] })
  exact<typeof untypedHooked, FunctionsClient>(true)
}

// Without a registry, exactly as before: any name, `data: any` or the type given.
export async function untypedClient() {
  const plain = createFunctions(options)
  exact<typeof plain, FunctionsClient>(true)
  exact<typeof plain, FunctionsClient<{}>>(true)
  const { data } = await plain.invoke('anything?x=1', {
    body: 1,
    query: { page: 2, q: '中文', draft: false, tag: ['a', 'b'], none: undefined },
  })
  exact<typeof data, any>(true)
  const typed = await plain.invoke<{ message: string }>('hello')
  exact<typeof typed.data, { message: string } | null>(true)
  // @ts-expect-error query values are strings, numbers, booleans or arrays of them
  await plain.invoke('x', { query: { filter: { a: 1 } } })
  // @ts-expect-error a query is an object
  await plain.invoke('x', { query: 'page=2' })
  const anyClient: FunctionsClient<any> = createFunctions<any>(options)
  exact<typeof anyClient.invoke, FunctionsClient['invoke']>(true)
}
