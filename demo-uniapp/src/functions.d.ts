// The functions this demo calls (the local gateway's), declared once for the whole app:
// this.$functions, $functions in templates, uni.$functions and useFunctions() are typed by them.
import type { EventStream } from 'mp-functions'
import type { FunctionsPluginOptions } from 'mp-functions/uniapp'

interface Claims {
  role: string
  email?: string
}

declare module 'mp-functions' {
  interface AppFunctions {
    hello: { body: { name: string }; response: { message: string } }
    text: { response: string }
    mirror: { response: { claims: Claims | null } }
    binary: { body: Uint8Array; response: ArrayBuffer }
    [status: `status/${number}`]: { query?: { type?: 'text' | 'json' }; response: never }
    sse: { query: { count: number; interval?: number; split?: number }; stream: true }
    list: {
      query: { page: number; size?: number; ms?: number }
      response: { page: number; items: Array<{ id: number; title: string }>; at: string }
    }
    // Never ends; an event stream by its answer, so the call needs no \`stream\` option.
    feed: { query: { interval: number }; response: EventStream }
  }
}

// Keeps this file a module, so the block above augments mp-functions instead of replacing it.
export type { FunctionsPluginOptions }
