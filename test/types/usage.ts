// Type-checked by `tsc -p test` (npm test) against the shipped .d.ts: the public types accept what users write and refuse mistakes.
import {
  createAbortController,
  createFunctions,
  fetchTransport,
  FunctionRegion,
  FunctionsHookError,
  FunctionsHttpError,
  hooks,
  miniProgramTransport,
  queue,
  retry,
  sessionFromStorage,
  type FunctionsResponse,
  type MiniProgramRequest,
  type Transport,
} from 'mp-functions'

declare const wx: { request: Parameters<typeof miniProgramTransport>[0]; getStorageSync(key: string): any }

const functions = createFunctions({
  url: 'https://abcd.supabase.co',
  anonKey: 'key',
  transport: miniProgramTransport(wx.request),
  region: FunctionRegion.ApNortheast1,
  accessToken: sessionFromStorage({ getItem: (key) => wx.getStorageSync(key), setItem() {}, removeItem() {} }),
})

export async function usage() {
  const result = await functions.invoke<{ message: string }>('hello', {
    body: { name: '世界' },
    headers: { 'x-n': 1, 'x-b': true, 'x-maybe': undefined },
    signal: new AbortController().signal,
    timeout: 1000,
    region: 'any',
  })
  if (result.error) {
    const code:
      | 'HTTP_ERROR'
      | 'RELAY_ERROR'
      | 'NETWORK_ERROR'
      | 'TIMEOUT'
      | 'ABORTED'
      | 'DOMAIN_NOT_ALLOWED'
      | 'INTERRUPTED'
      | 'CLOUD_RELAY_REFUSED'
      | 'INVALID_REQUEST'
      | 'INVALID_RESPONSE'
      | 'HOOK_ERROR' = result.error.code
    if (result.error instanceof FunctionsHttpError) console.log(result.error.status, result.error.body, code)
    // @ts-expect-error data is null on failure
    result.data.message
  } else {
    const message: string = result.data.message
    console.log(message, result.response.status, await result.response.json())
  }

  await functions.invoke('x', { signal: createAbortController().signal })
  // @ts-expect-error not an HTTP method
  await functions.invoke('x', { method: 'FETCH' })
  // @ts-expect-error header values are strings, numbers or booleans
  await functions.invoke('x', { headers: { a: {} } })
  // @ts-expect-error a transport is required
  createFunctions({ url: 'https://a.b' })

  const custom: Transport = ({ success }) => success({ statusCode: 200, header: {}, data: new ArrayBuffer(0) })
  createFunctions({ url: 'https://a.b', transport: custom, accessToken: async () => 'jwt' })
  createFunctions({ url: 'https://a.b', transport: fetchTransport({ fetch }) })
  const typed: FunctionsResponse<number> = await functions.invoke<number>('n')
  return typed
}

// Features: typed options, in any order.
export async function resilience(wxRequest: MiniProgramRequest) {
  const logging = hooks({
    beforeRequest(call) {
      call.options.headers['x-trace'] = 'abc'
    },
    async afterResponse(_call, result) {
      if (result.error) return { data: 'fallback', error: null }
    },
    onError: (call, error) => console.log(call.name, error.code),
  })
  const functions = createFunctions({
    url: 'https://ref.supabase.co',
    transport: miniProgramTransport(wxRequest),
    features: [logging, queue({ maxConcurrent: 8 }), retry({ attempts: 3, statusCodes: [429, 503] })],
    stream: { idleTimeout: 60000 },
  })
  // @ts-expect-error not a feature
  createFunctions({ url: 'https://ref.supabase.co', transport: miniProgramTransport(wxRequest), features: [{ attempts: 3 }] })
  // @ts-expect-error retry's options are checked
  retry({ attempts: '3' })
  const { error } = await functions.invoke('hello', { method: 'GET', retry: { attempts: 5, maxRetryAfter: 2000 } })
  await functions.invoke('hello', { retry: false })
  // @ts-expect-error a timeout is not a retry failure
  await functions.invoke('hello', { retry: { failures: ['TIMEOUT'] } })
  if (error instanceof FunctionsHookError) console.log(error.code === 'HOOK_ERROR')
}
