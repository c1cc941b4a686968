import type { Transport, TransportFailureCode, TransportOptions } from '../../src'

export type Reply =
  | { status?: number; headers?: Record<string, string>; body?: string | object | ArrayBuffer }
  | { fail: unknown; code?: TransportFailureCode }
  | 'hang'

/** An in-process transport for unit tests of the client's logic: answers from `respond`, records calls. */
export function memoryTransport(respond: (request: TransportOptions) => Reply | Promise<Reply> = () => ({})) {
  const calls: TransportOptions[] = []
  let aborts = 0
  const transport: Transport = (request) => {
    calls.push(request)
    let aborted = false
    Promise.resolve(respond(request)).then((reply) => {
      if (aborted || reply === 'hang') return
      if ('fail' in reply) return request.fail(reply.fail, reply.code)
      const body = reply.body
      const data =
        body instanceof ArrayBuffer
          ? body
          : new TextEncoder().encode(typeof body == 'string' ? body : body === undefined ? '' : JSON.stringify(body)).buffer
      request.success({ statusCode: reply.status || 200, header: reply.headers || {}, data: data as ArrayBuffer })
    })
    return {
      abort() {
        aborts++
        aborted = true
      },
    }
  }
  return {
    transport,
    calls,
    get aborts() {
      return aborts
    },
    last: () => calls[calls.length - 1],
  }
}

export const json = (body: unknown, status = 200, headers: Record<string, string> = {}) => ({
  status,
  headers: { 'Content-Type': 'application/json', ...headers },
  body: JSON.stringify(body),
})
