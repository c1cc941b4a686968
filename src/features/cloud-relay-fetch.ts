import { onAbort, type AbortSignalLike } from '../abort'
import { bytesOfView, isArrayBuffer } from '../bytes'
import { HTTP_METHODS, type HttpMethod } from '../methods'
import { createResponse } from '../response'
import { cloudFunctionTransport } from '../transports/cloud-function'
import type { ResponseLike } from '../types'
import { type CloudRelayOptions, type CloudRelayRuntime, platformCloud, relaySettings } from './cloud-relay'

/** Headers as `fetch` takes them: an object, `[name, value]` pairs, or a `Headers`. */
export type RelayFetchHeaders = Record<string, string> | Array<[string, string]> | HeadersForEach

/** A `Headers` object, as far as the relay reads it. */
export interface HeadersForEach {
  /** Calls `each` with every header's value and name. */
  forEach(each: (value: string, name: string) => void): void
}

/** The part of `fetch`'s options the relay carries. */
export interface RelayFetchInit {
  method?: string
  headers?: RelayFetchHeaders
  /** Text, or bytes (`ArrayBuffer`, a typed array). */
  body?: string | ArrayBuffer | ArrayBufferView | null
  signal?: AbortSignalLike | null
}

/** What `cloudRelayFetch` answers with: the Response-like object of `invoke`, as `fetch` users read it. */
export type RelayFetchResponse = ResponseLike & { statusText: string }

/** A `fetch` over the relay. */
export type RelayFetch = (input: string | { url: string }, init?: RelayFetchInit) => Promise<RelayFetchResponse>

declare const fetch: RelayFetch | undefined

function headerRecord(headers: RelayFetchHeaders | undefined): Record<string, string> {
  const record: Record<string, string> = {}
  if (!headers) return record
  const take = (value: string, name: string) => {
    record[name] = String(value)
  }
  if (Array.isArray(headers)) for (const [name, value] of headers) take(value, name)
  else if (typeof headers.forEach == 'function') headers.forEach(take)
  else for (const name of Object.keys(headers)) take((headers as Record<string, string>)[name], name)
  return record
}

function bodyData(body: RelayFetchInit['body']): string | ArrayBuffer | undefined {
  if (body == null) return undefined
  if (typeof body == 'string') return body
  if (isArrayBuffer(body)) return body
  const view = body as ArrayBufferView
  if (view.buffer) return bytesOfView(view)
  throw new TypeError('cloudRelayFetch carries text and binary bodies only')
}

/**
 * A `fetch` that sends through the relay cloud function, for the requests of your auth client:
 * `createClient(url, key, { global: { fetch: cloudRelayFetch() } })` (supabase-js) signs in through it.
 * Like `fetch`, it resolves with any HTTP answer and rejects when the request could not be made (the
 * relay's refusals included, with its reason in the message). Where there is no `wx.cloud`, it is the
 * platform's own `fetch`. Set the relay's `RELAY_PATHS` to every path the client uses (e.g. `/auth/v1/`).
 */
export function cloudRelayFetch(options: CloudRelayOptions & CloudRelayRuntime = {}): RelayFetch {
  const given = options || {}
  return (input, init = {}) => {
    const cloud = given.cloud || platformCloud()
    if (!cloud && typeof fetch == 'function') return fetch(input, init)
    return new Promise((resolve, reject) => {
      if (!cloud) return reject(new TypeError('cloudRelayFetch: there is no wx.cloud here, and no fetch'))
      const url = typeof input == 'string' ? input : input.url
      const method = String(init.method || 'GET').toUpperCase() as HttpMethod
      if (HTTP_METHODS.indexOf(method) < 0) return reject(new TypeError(`cloudRelayFetch: unsupported method ${method}`))
      const { signal } = init
      if (signal && signal.aborted) return reject(abortError())
      let stopListening: (() => void) | undefined
      const task = cloudFunctionTransport(
        cloud,
        relaySettings(given),
      )({
        url,
        method,
        header: headerRecord(init.headers),
        data: bodyData(init.body),
        success(raw) {
          if (stopListening) stopListening()
          resolve(Object.assign(createResponse(url, raw), { statusText: '' }))
        },
        fail(error, _code, hint) {
          if (stopListening) stopListening()
          const reason = error instanceof Error ? error.message : 'the relay could not carry the request'
          reject(new TypeError(`cloudRelayFetch: ${reason}${hint || ''}`))
        },
      })
      if (signal && task) {
        stopListening = onAbort(signal, () => {
          reject(abortError())
          task.abort()
        })
      }
    })
  }
}

/** What `fetch` rejects with when its signal aborts. */
function abortError(): Error {
  const error = new Error('The request was aborted')
  error.name = 'AbortError'
  return error
}
