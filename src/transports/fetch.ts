import type { Transport } from '../types'

/** The subset of `fetch` the transport uses, so any WHATWG-style fetch (or a test double) fits. */
export type FetchLike = (
  url: string,
  init: { method: string; headers: Record<string, string>; body?: any; signal?: any },
) => Promise<{
  status: number
  headers: { forEach(callback: (value: string, name: string) => void): void }
  arrayBuffer(): Promise<ArrayBuffer>
}>

declare const fetch: FetchLike | undefined
declare const AbortController: any

/** HTTP over `fetch`, for H5, Node 18+ and tests. */
export function fetchTransport(options: { fetch?: FetchLike } = {}): Transport {
  return ({ url, method, header, data, success, fail }) => {
    const request = options.fetch || (typeof fetch == 'function' ? fetch : undefined)
    if (!request) return fail(new Error('fetchTransport: this platform has no fetch; pass fetchTransport({ fetch })'))
    const controller = typeof AbortController == 'function' ? new AbortController() : undefined
    request(url, { method, headers: header, body: data, signal: controller && controller.signal })
      .then((response) =>
        response.arrayBuffer().then((body) => {
          const headers: Record<string, string> = {}
          response.headers.forEach((value, name) => {
            headers[name] = value
          })
          success({ statusCode: response.status, header: headers, data: body })
        }),
      )
      .catch((error) => fail(error))
    return { abort: () => controller && controller.abort() }
  }
}
