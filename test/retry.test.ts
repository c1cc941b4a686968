import { createAbortController, createFunctions, retry, type RetryOptions, type Transport, type TransportOptions } from '../src'
import { retryAfterMs } from '../src/retry-after'
import { json, memoryTransport, type Reply } from './helpers/memory-transport'

const url = 'https://abcd.supabase.co'
/** The feature's layer alone, over a transport: for the requests that do not come from `invoke`. */
const retryLayer = (transport: Transport, options: RetryOptions) =>
  (retry(options).wrapTransport as (next: Transport) => Transport)(transport)
const networkError: Reply = { fail: new Error('socket hang up'), code: 'NETWORK_ERROR' }

function setup(respond: Parameters<typeof memoryTransport>[0], options?: RetryOptions, clientTimeout?: number) {
  const mock = memoryTransport(respond)
  const functions = createFunctions({
    url,
    anonKey: 'k',
    transport: mock.transport,
    features: [retry({ delay: 1, ...options })],
    timeout: clientTimeout,
  })
  return Object.assign(mock, { functions })
}

describe('retry: which failures retry', () => {
  it('by default: a network failure of a GET, up to 3 attempts, and the failure says how many', async () => {
    const { functions, calls } = setup(() => networkError)
    const { error } = await functions.invoke('x', { method: 'GET' })
    expect(calls).toHaveLength(3)
    expect(error!.code).toBe('NETWORK_ERROR')
    expect(error!.message).toBe('Failed to send a request to the Edge Function (3 attempts)')
    expect(error!.context.message).toBe('socket hang up')
  })

  it.each(['GET', 'HEAD', 'PUT', 'DELETE', 'OPTIONS'] as const)('%s is idempotent: retried', async (method) => {
    const { functions, calls } = setup(() => networkError)
    await functions.invoke('x', { method })
    expect(calls).toHaveLength(3)
  })

  it.each(['POST', 'PATCH'] as const)('%s is not idempotent: sent once, the message has no count', async (method) => {
    const { functions, calls } = setup(() => networkError)
    const { error } = await functions.invoke('x', { method })
    expect(calls).toHaveLength(1)
    expect(error!.message).toBe('Failed to send a request to the Edge Function')
  })

  it.each([502, 503, 504])('retries a %i, then hands over the last answer marked with the attempts', async (status) => {
    const { functions, calls } = setup(() => json({ error: 'busy' }, status))
    const { error, response } = await functions.invoke('x', { method: 'GET' })
    expect(calls).toHaveLength(3)
    expect(error!.code).toBe('HTTP_ERROR')
    expect((error as any).status).toBe(status)
    expect(response!.headers.get('x-retry-attempts')).toBe('3')
  })

  it.each([400, 401, 404, 429, 500])('does not retry a %i by default', async (status) => {
    const { functions, calls } = setup(() => json({}, status))
    const { response } = await functions.invoke('x', { method: 'GET' })
    expect(calls).toHaveLength(1)
    expect(response!.headers.has('x-retry-attempts')).toBe(false)
  })

  it.each(['TIMEOUT', 'ABORTED', 'DOMAIN_NOT_ALLOWED', 'INTERRUPTED'] as const)('does not retry %s by default', async (code) => {
    const { functions, calls } = setup(() => ({ fail: {}, code }))
    const { error } = await functions.invoke('x', { method: 'GET' })
    expect(calls).toHaveLength(1)
    expect(error!.code).toBe(code)
  })

  it('retries INTERRUPTED when asked to', async () => {
    const { functions, calls } = setup(() => ({ fail: {}, code: 'INTERRUPTED' }), { failures: ['INTERRUPTED'] })
    await functions.invoke('x', { method: 'GET' })
    expect(calls).toHaveLength(3)
  })

  it('a success after a failure says how many attempts it took', async () => {
    const { functions, calls } = setup((request) => (calls.length < 2 ? networkError : json({ ok: 1 })))
    const { data, response } = await functions.invoke('x', { method: 'GET' })
    expect(data).toEqual({ ok: 1 })
    expect(response!.headers.get('X-Retry-Attempts')).toBe('2')
  })

  it('a first-time success is untouched', async () => {
    const { functions } = setup(() => json({ ok: 1 }))
    const { response } = await functions.invoke('x', { method: 'GET' })
    expect(response!.headers.has('x-retry-attempts')).toBe(false)
  })

  it('the SDK’s own requests (a token refresh, a POST) are never retried', async () => {
    const mock = memoryTransport(() => networkError)
    const transport = retryLayer(mock.transport, { delay: 1 })
    let failed: unknown
    transport({ url, method: 'POST', header: {}, success: () => {}, fail: (error) => (failed = error) } as TransportOptions)
    await new Promise((resolve) => setTimeout(resolve, 20))
    expect(mock.calls).toHaveLength(1)
    expect(failed).toBeInstanceOf(Error)
  })
})

describe('retry: opt-in per client and per call', () => {
  it('a call’s retry goes over the client’s', async () => {
    const { functions, calls } = setup(() => networkError, { attempts: 2 })
    await functions.invoke('x', { method: 'GET', retry: { attempts: 5 } })
    expect(calls).toHaveLength(5)
  })

  it('retry: false sends once', async () => {
    const { functions, calls } = setup(() => networkError)
    await functions.invoke('x', { method: 'GET', retry: false })
    expect(calls).toHaveLength(1)
  })

  it('a client with attempts: 1 retries only the calls that ask', async () => {
    const { functions, calls } = setup(() => networkError, { attempts: 1 })
    await functions.invoke('x', { method: 'GET' })
    expect(calls).toHaveLength(1)
    await functions.invoke('x', { method: 'GET', retry: { attempts: 2 } })
    expect(calls).toHaveLength(3)
  })

  it('a POST that is safe to repeat can opt in', async () => {
    const { functions, calls } = setup(() => networkError)
    await functions.invoke('x', { retry: { methods: ['POST'] } })
    expect(calls).toHaveLength(3)
  })
})

describe('retry: waiting', () => {
  let delays: number[]
  beforeEach(() => {
    delays = []
    const real = global.setTimeout
    jest.spyOn(global, 'setTimeout').mockImplementation(((callback: () => void, ms?: number) => {
      if (callback.name == 'send') delays.push(ms!)
      return real(callback, 0)
    }) as any)
  })
  afterEach(() => jest.restoreAllMocks())

  it('backs off exponentially with jitter: 50–100 % of delay × 2^n, capped at maxDelay', async () => {
    const { functions } = setup(() => networkError, { attempts: 6, delay: 100, maxDelay: 1000 })
    jest.spyOn(Math, 'random').mockReturnValue(0)
    await functions.invoke('x', { method: 'GET' })
    expect(delays).toEqual([50, 100, 200, 400, 500])
    delays = []
    jest.spyOn(Math, 'random').mockReturnValue(0.999999)
    await functions.invoke('x', { method: 'GET' })
    expect(delays.map(Math.round)).toEqual([100, 200, 400, 800, 1000])
  })

  it('honours Retry-After in seconds', async () => {
    const { functions } = setup(() => json({}, 503, { 'Retry-After': '2' }))
    await functions.invoke('x', { method: 'GET' })
    expect(delays).toEqual([2000, 2000])
  })

  it('honours Retry-After as an HTTP-date', async () => {
    const { functions } = setup(() => json({}, 503, { 'retry-after': new Date(Date.now() + 5000).toUTCString() }))
    await functions.invoke('x', { method: 'GET' })
    for (const delay of delays) expect(delay).toBeGreaterThan(3000)
    for (const delay of delays) expect(delay).toBeLessThanOrEqual(5000)
  })

  it('a Retry-After over maxRetryAfter ends the retries: the answer as it came', async () => {
    const { functions, calls } = setup(() => json({}, 503, { 'Retry-After': '11' }))
    const { response } = await functions.invoke('x', { method: 'GET' })
    expect(calls).toHaveLength(1)
    expect(response!.status).toBe(503)
    await functions.invoke('x', { method: 'GET', retry: { maxRetryAfter: 11000 } })
    expect(calls).toHaveLength(4)
  })

  it('an unreadable Retry-After falls back to the backoff', async () => {
    const { functions } = setup(() => json({}, 503, { 'Retry-After': 'soon' }), { delay: 100 })
    jest.spyOn(Math, 'random').mockReturnValue(0)
    await functions.invoke('x', { method: 'GET' })
    expect(delays).toEqual([50, 100])
  })
})

describe('retry: never after a cancel or the call’s timeout', () => {
  it('a signal during the wait ends the call at once; nothing more is sent', async () => {
    const { functions, calls } = setup(() => networkError, { delay: 5000 })
    const controller = createAbortController()
    setTimeout(() => controller.abort(), 50)
    const start = Date.now()
    const { error } = await functions.invoke('x', { method: 'GET', signal: controller.signal })
    expect(error!.code).toBe('ABORTED')
    expect(Date.now() - start).toBeLessThan(1000)
    await new Promise((resolve) => setTimeout(resolve, 100))
    expect(calls).toHaveLength(1)
  })

  it('a wait that would outlast the call’s timeout is not begun: the real failure at once', async () => {
    const { functions, calls } = setup(() => networkError, { delay: 5000 }, 1000)
    const start = Date.now()
    const { error } = await functions.invoke('x', { method: 'GET' })
    expect(error!.code).toBe('NETWORK_ERROR')
    expect(Date.now() - start).toBeLessThan(500)
    expect(calls).toHaveLength(1)
  })

  it('each attempt gets what is left of the call’s timeout as its platform timeout', async () => {
    const { functions, calls } = setup(() => networkError, { delay: 100 }, 5000)
    await functions.invoke('x', { method: 'GET' })
    const timeouts = calls.map((call) => call.timeout!)
    expect(timeouts[0]).toBe(5000)
    expect(timeouts[1]).toBeLessThan(5000 - 40)
    expect(timeouts[2]).toBeLessThan(timeouts[1])
  })

  it('a request timed out by the client is not retried', async () => {
    const { functions, calls } = setup(() => 'hang', {}, 100)
    const { error } = await functions.invoke('x', { method: 'GET' })
    expect(error!.code).toBe('TIMEOUT')
    await new Promise((resolve) => setTimeout(resolve, 100))
    expect(calls).toHaveLength(1)
  })
})

describe('retry: wrapping', () => {
  it('passes unknown option fields through', async () => {
    const seen: TransportOptions[] = []
    const transport = retryLayer(
      (request) => {
        seen.push(request)
        request.fail(new Error('down'))
      },
      { delay: 1, attempts: 1 },
    )
    await new Promise((resolve) =>
      transport({ url, method: 'GET', header: {}, extra: 1, success: resolve, fail: resolve } as TransportOptions),
    )
    expect(seen).toHaveLength(1)
    expect((seen[0] as unknown as { extra: number }).extra).toBe(1)
  })

  it('never sends again once a stream was handed out, even when it breaks', async () => {
    let sent = 0
    const streaming: Transport = (request) => {
      sent++
      if (request.onHeaders) request.onHeaders({ statusCode: 200, header: { 'content-type': 'text/event-stream' } })
      if (request.onChunk) request.onChunk(new TextEncoder().encode('data: 1\n\n').buffer as ArrayBuffer)
      setTimeout(() => request.fail(new Error('cut mid-stream')), 10)
    }
    const functions = createFunctions({ url, anonKey: 'k', transport: streaming, features: [retry({ delay: 1 })] })
    const { data, error } = await functions.invoke('x', { method: 'GET' })
    expect(error).toBeNull()
    const events: string[] = []
    let failure: { code?: string } | undefined
    try {
      for await (const event of data) events.push(event.data)
    } catch (thrown) {
      failure = thrown as { code?: string }
    }
    expect(events).toEqual(['1'])
    expect(failure && failure.code).toBe('NETWORK_ERROR')
    expect(sent).toBe(1)
  })

  it('a transport that throws on a later attempt still ends the call', async () => {
    let n = 0
    const throwing: Transport = (request) => {
      if (n++) throw new Error('boom')
      request.fail(new Error('first'))
    }
    const functions = createFunctions({ url, anonKey: 'k', transport: throwing, features: [retry({ delay: 1 })] })
    const { error } = await functions.invoke('x', { method: 'GET' })
    expect(error!.code).toBe('NETWORK_ERROR')
    expect(error!.context.message).toBe('boom')
    expect(n).toBe(3)
  })
})

describe('retryAfterMs', () => {
  const now = Date.parse('2026-01-01T00:00:00Z')
  it.each([
    ['0', 0],
    ['3', 3000],
    [' 120 ', 120000],
    ['Thu, 01 Jan 2026 00:00:10 GMT', 10000],
    ['Wed, 31 Dec 2025 23:00:00 GMT', 0],
    ['-1', undefined],
    ['1.5', undefined],
    ['soon', undefined],
    ['', undefined],
    [undefined, undefined],
  ])('%p → %p', (value, ms) => {
    expect(retryAfterMs(value as string, now)).toBe(ms)
  })
})

describe('retry: careless options never retry forever', () => {
  it.each([
    ['attempts: undefined (the default stands)', { attempts: undefined }, 3],
    ['attempts: NaN', { attempts: NaN }, 1],
    ['attempts: "5" (a string)', { attempts: '5' as any }, 5],
    ['delay: NaN', { delay: NaN }, 1],
    ['delay: undefined (the default stands)', { delay: undefined }, 3],
    ['methods: undefined (the default stands)', { methods: undefined }, 3],
    ['retry: null per call', null, 3],
  ])('%s', async (_label, callRetry, attempts) => {
    const mock = memoryTransport(() => networkError)
    const functions = createFunctions({ url, anonKey: 'k', transport: mock.transport, features: [retry({ delay: 1 })], timeout: 5000 })
    const { error } = await functions.invoke('x', { method: 'GET', retry: callRetry as any })
    expect(error!.code).toBe('NETWORK_ERROR')
    expect(mock.calls).toHaveLength(attempts)
  })
})
