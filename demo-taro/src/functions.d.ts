// The demo's functions (the local gateway's), declared once: Taro.$functions, this.$functions,
// useFunctions() and createTaroFunctions() check each call against them and type its `data`.
import type { EventStream, QueryParams } from 'mp-functions'

declare module 'mp-functions' {
  interface AppFunctions {
    hello: { body: { name: string }; response: { message: string } }
    text: { response: string }
    mirror: {
      body?: unknown
      query?: QueryParams
      response: { method: string; bodyText: string; query: Record<string, string>; claims: { role: string; email?: string } | null }
    }
    binary: { body: Uint8Array; response: ArrayBuffer }
    [status: `status/${number}`]: { response: { error: string; code: number } }
    sse: { query: { count: number; interval?: number; split?: number }; stream: true }
    slow: { query: { ms: number }; response: { waited: number } }
    list: {
      query: { page: number; size?: number; ms?: number }
      response: { page: number; items: Array<{ id: number; title: string }>; at: string }
    }
    // Never ends; an event stream by its answer, so the call needs no \`stream\` option.
    feed: { query: { interval: number }; response: EventStream }
    'fault/flaky': { query: { key: string; failures: number; status: number }; response: { ok: boolean; attempt: number } }
  }
}
