import {
  createAbortController,
  createFunctions,
  FunctionRegion,
  FunctionsFetchError,
  FunctionsHttpError,
  FunctionsRelayError,
  FunctionsRequestError,
  FunctionsResponseError,
  type FunctionsOptions,
} from '../src'
import { json, memoryTransport, type Reply } from './helpers/memory-transport'

const url = 'https://abcd.supabase.co'
const anonKey = 'anon.jwt.key'

function setup(respond?: Parameters<typeof memoryTransport>[0], options: Partial<FunctionsOptions> = {}) {
  const mock = memoryTransport(respond)
  const functions = createFunctions({ url, anonKey, transport: mock.transport, ...options })
  return Object.assign(mock, { functions })
}

const text = (buffer: unknown) => new TextDecoder().decode(buffer as ArrayBuffer)

describe('request', () => {
  it('POSTs to ${url}/functions/v1/${name} by default', async () => {
    const { functions, last } = setup()
    await functions.invoke('hello')
    expect(last().url).toBe(`${url}/functions/v1/hello`)
    expect(last().method).toBe('POST')
  })

  it('takes the method in any case, and refuses unknown ones without sending', async () => {
    const { functions, last, calls } = setup()
    await functions.invoke('hello', { method: 'get' as any })
    expect(last().method).toBe('GET')
    const { error } = await functions.invoke('hello', { method: 'FETCH' as any })
    expect(error).toBeInstanceOf(FunctionsRequestError)
    expect(error!.message).toBe('Unsupported method "FETCH"')
    expect(calls).toHaveLength(1)
  })

  it('refuses a GET or HEAD with a body (functions-js fails inside fetch)', async () => {
    const { functions, calls } = setup()
    for (const method of ['GET', 'HEAD'] as const) {
      const { error, data } = await functions.invoke('hello', { method, body: { a: 1 } })
      expect(data).toBeNull()
      expect(error).toBeInstanceOf(FunctionsRequestError)
      expect(error!.code).toBe('INVALID_REQUEST')
      expect(error!.message).toMatch(`A ${method} request cannot have a body`)
    }
    expect(calls).toHaveLength(0)
  })

  it('strips a trailing slash from url and uses functionsUrl when given', async () => {
    const a = setup(undefined, { url: url + '///' })
    await a.functions.invoke('x')
    expect(a.last().url).toBe(`${url}/functions/v1/x`)
    const b = setup(undefined, { functionsUrl: 'https://functions1.memfiredb.com/abc123/' })
    await b.functions.invoke('pay?action=1')
    expect(b.last().url).toBe('https://functions1.memfiredb.com/abc123/pay?action=1')
  })

  it('passes the timeout on to the transport as a hint', async () => {
    const { functions, last } = setup()
    await functions.invoke('x', { timeout: 1234 })
    expect(last().timeout).toBe(1234)
    await functions.invoke('x')
    expect(last().timeout).toBeUndefined()
    // A platform may apply the hint to the whole request: a call that asks for a stream keeps it.
    await functions.invoke('x', { timeout: 1234, stream: true })
    expect(last().timeout).toBeUndefined()
  })
})

describe('headers', () => {
  it('sends apikey always and the anon key as Bearer when nobody is signed in', async () => {
    const { functions, last } = setup()
    await functions.invoke('x')
    expect(last().header).toEqual({ apikey: anonKey, Authorization: `Bearer ${anonKey}` })
  })

  it('never sends a publishable key as a Bearer token', async () => {
    const { functions, last } = setup(undefined, { anonKey: 'sb_publishable_abc' })
    await functions.invoke('x')
    expect(last().header).toEqual({ apikey: 'sb_publishable_abc' })
  })

  it('invoke headers > setAuth > client headers > SDK defaults, case-insensitively', async () => {
    const { functions, last } = setup(undefined, { headers: { 'X-Client': 'c', 'x-both': 'client', authorization: 'Bearer client' } })
    await functions.invoke('x', { body: { a: 1 } })
    expect(last().header).toEqual({
      'Content-Type': 'application/json',
      authorization: 'Bearer client',
      apikey: anonKey,
      'X-Client': 'c',
      'x-both': 'client',
    })
    functions.setAuth('user-token')
    await functions.invoke('x', { body: 'hi', headers: { 'X-BOTH': 'invoke', 'content-type': 'text/markdown' } })
    expect(last().header).toEqual({
      'content-type': 'text/markdown',
      Authorization: 'Bearer user-token',
      apikey: anonKey,
      'X-Client': 'c',
      'X-BOTH': 'invoke',
    })
    await functions.invoke('x', { headers: { AUTHORIZATION: 'Bearer mine', APIKEY: 'other' } })
    expect(last().header.AUTHORIZATION).toBe('Bearer mine')
    expect(last().header.APIKEY).toBe('other')
    expect(Object.keys(last().header).filter((name) => /^(authorization|apikey)$/i.test(name))).toHaveLength(2)
    functions.setAuth(null)
    await functions.invoke('x')
    expect(last().header.authorization).toBe('Bearer client')
  })

  it('a caller’s Content-Type wins but the body is still serialized (functions-js would send [object Object])', async () => {
    const { functions, last } = setup()
    await functions.invoke('x', { body: { a: 1 }, headers: { 'CONTENT-TYPE': 'application/vnd.api+json' } })
    expect(last().header['CONTENT-TYPE']).toBe('application/vnd.api+json')
    expect(last().data).toBe('{"a":1}')
  })

  it('refuses header injection without sending anything', async () => {
    const { functions, calls } = setup(undefined, { headers: { ok: 'yes' } })
    const { error } = await functions.invoke('x', { headers: { 'x-a': 'v\r\nx-evil: 1' } })
    expect(error).toBeInstanceOf(FunctionsRequestError)
    expect(error!.message).toBe('Invalid header "x-a"')
    expect(calls).toHaveLength(0)
  })
})

describe('who the caller is', () => {
  it('asks the accessToken hook, passing the client context, and falls back to the anon key', async () => {
    const hook = jest.fn().mockResolvedValueOnce('user-jwt').mockReturnValueOnce(null)
    const { functions, last, transport } = setup(undefined, { accessToken: hook })
    await functions.invoke('x')
    expect(last().header.Authorization).toBe('Bearer user-jwt')
    expect(hook).toHaveBeenCalledWith({ url, anonKey, transport })
    await functions.invoke('x')
    expect(last().header.Authorization).toBe(`Bearer ${anonKey}`)
  })

  it('does not ask the hook when the call or setAuth already says who it is', async () => {
    const hook = jest.fn(() => 'user-jwt')
    const { functions, last } = setup(undefined, { accessToken: hook })
    await functions.invoke('x', { headers: { Authorization: 'Bearer explicit' } })
    functions.setAuth('set')
    await functions.invoke('x')
    expect(last().header.Authorization).toBe('Bearer set')
    expect(hook).not.toHaveBeenCalled()
  })

  it('a failing hook is a typed error, and nothing is sent', async () => {
    const { functions, calls } = setup(undefined, {
      accessToken: () => {
        throw new Error('boom')
      },
    })
    const { error } = await functions.invoke('x')
    expect(error).toBeInstanceOf(FunctionsRequestError)
    expect(error!.message).toBe('accessToken() failed')
    expect((error!.context as Error).message).toBe('boom')
    expect(calls).toHaveLength(0)
  })
})

describe('token scope', () => {
  it('sends nothing to an origin the app did not configure, and names the option', async () => {
    const { functions, calls } = setup()
    for (const address of [
      'https://evil.com/fn',
      'https://abcd.supabase.co.evil.com/x',
      'http://abcd.supabase.co/x',
      'https://abcd.supabase.co:8443/x',
      'https://abcd.supabase.co@evil.com/x',
    ]) {
      const { error } = await functions.invoke(address)
      expect(error).toBeInstanceOf(FunctionsRequestError)
      expect(error!.message).toMatch(/^Not sending keys to .*: add it to trustedOrigins$/)
    }
    expect(calls).toHaveLength(0)
  })

  it('absolute addresses on the project or functions origin are fine', async () => {
    const { functions, calls } = setup(undefined, { functionsUrl: 'https://functions1.memfiredb.com/id' })
    await functions.invoke('https://ABCD.supabase.co:443/functions/v1/x')
    await functions.invoke('https://functions1.memfiredb.com/other/fn')
    expect(calls).toHaveLength(2)
  })

  it('MemFire: one line of trustedOrigins lets full 访问地址 addresses through', async () => {
    const { functions, last } = setup(undefined, {
      url: 'https://ref.baseapi.memfiredb.com',
      trustedOrigins: ['https://functions1.memfiredb.com'],
    })
    const { error } = await functions.invoke('https://functions1.memfiredb.com/xxxxxxxx/functionName?action=pay', { method: 'GET' })
    expect(error).toBeNull()
    expect(last().url).toBe('https://functions1.memfiredb.com/xxxxxxxx/functionName?action=pay')
    expect(last().header.apikey).toBe(anonKey)
  })
})

describe('region', () => {
  it('pins the client region with x-region and forceFunctionRegion', async () => {
    const { functions, last } = setup(undefined, { region: FunctionRegion.ApNortheast1 })
    await functions.invoke('fn?a=1')
    expect(last().url).toBe(`${url}/functions/v1/fn?a=1&forceFunctionRegion=ap-northeast-1`)
    expect(last().header['x-region']).toBe('ap-northeast-1')
  })

  it('a per-call region wins, and a per-call "any" unpins', async () => {
    const { functions, last } = setup(undefined, { region: 'eu-west-1' })
    await functions.invoke('fn', { region: 'us-east-1' })
    expect(last().url).toMatch(/forceFunctionRegion=us-east-1$/)
    await functions.invoke('fn', { region: FunctionRegion.Any })
    expect(last().url).toBe(`${url}/functions/v1/fn`)
    expect(last().header['x-region']).toBeUndefined()
  })

  it('a caller’s x-region header wins over the inferred one', async () => {
    const { functions, last } = setup(undefined, { region: 'eu-west-1' })
    await functions.invoke('fn', { headers: { 'X-Region': 'custom' } })
    expect(last().header).toMatchObject({ 'X-Region': 'custom' })
    expect(last().header['x-region']).toBeUndefined()
  })
})

describe('response', () => {
  const respondWith = (reply: Reply) => setup(() => reply).functions

  it.each([
    ['application/json', '{"a":[1,"中"]}', { a: [1, '中'] }],
    ['Application/JSON; charset=UTF-8', '{"a":1}', { a: 1 }],
    ['application/vnd.api+json', '{"a":1}', { a: 1 }],
    ['application/problem+json', '"x"', 'x'],
    ['text/plain; charset=utf-8', '你好', '你好'],
    ['text/html', '<b>x</b>', '<b>x</b>'],
    ['multipart/form-data; boundary=x', '--x--', '--x--'],
    ['application/x-www-form-urlencoded', 'a=1', 'a=1'],
    ['application/xml', '<a/>', '<a/>'],
  ])('%s → parsed as the contract says', async (type, body, data) => {
    const result = await respondWith({ headers: { 'content-type': type }, body }).invoke('x')
    expect(result.error).toBeNull()
    expect(result.data).toEqual(data)
  })

  it('no Content-Type → text', async () => {
    expect((await respondWith({ body: 'plain' }).invoke('x')).data).toBe('plain')
  })

  it.each([
    'application/octet-stream',
    'application/pdf',
    'image/png',
    'audio/mpeg',
    'video/mp4',
    'application/zip',
    'font/woff2',
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  ])('%s → the exact bytes as an ArrayBuffer', async (type) => {
    const bytes = new Uint8Array(256).map((_, i) => i)
    const { data } = await respondWith({ headers: { 'Content-Type': type }, body: bytes.buffer }).invoke('x')
    expect(data).toBeInstanceOf(ArrayBuffer)
    expect(Array.from(new Uint8Array(data))).toEqual(Array.from(bytes))
  })

  it('text/event-stream → an EventStream of its events, handed over at the headers', async () => {
    const result = await respondWith({ headers: { 'content-type': 'text/event-stream' }, body: 'data: 1\n\n' }).invoke('x')
    const events = []
    for await (const event of result.data) events.push(event.data)
    expect(events).toEqual(['1'])
    expect(result.response!.headers.get('content-type')).toBe('text/event-stream')
  })

  it('text/event-stream with stream: false → the response itself, read whole, like functions-js', async () => {
    const result = await respondWith({ headers: { 'content-type': 'text/event-stream' }, body: 'data: 1\n\n' }).invoke('x', {
      stream: false,
    })
    expect(result.data).toBe(result.response)
    expect(await result.data.text()).toBe('data: 1\n\n')
  })

  it('204, and an empty JSON body (a HEAD, say), give ""', async () => {
    expect((await respondWith({ status: 204, headers: { 'content-type': 'application/json' } }).invoke('x')).data).toBe('')
    expect((await respondWith({ headers: { 'content-type': 'application/json' }, body: '' }).invoke('x', { method: 'HEAD' })).data).toBe('')
  })

  it('the response is Response-like, and stays readable after invoke parsed it', async () => {
    const { data, response } = await respondWith(json({ ok: true }, 201, { 'X-Request-Id': 'r1' })).invoke('fn?q=1')
    expect(data).toEqual({ ok: true })
    expect(response!.status).toBe(201)
    expect(response!.ok).toBe(true)
    expect(response!.url).toBe(`${url}/functions/v1/fn?q=1`)
    expect(response!.headers.get('x-request-id')).toBe('r1')
    expect(response!.headers.get('X-REQUEST-ID')).toBe('r1')
    expect(response!.headers.has('content-type')).toBe(true)
    expect(response!.headers.has('constructor')).toBe(false)
    expect(response!.headers.get('missing')).toBeNull()
    const seen: string[] = []
    response!.headers.forEach((value, name) => seen.push(`${name}=${value}`))
    expect(seen).toEqual(['content-type=application/json', 'x-request-id=r1'])
    expect(await response!.json()).toEqual({ ok: true })
    expect(await response!.json()).toEqual({ ok: true })
    expect(await response!.text()).toBe('{"ok":true}')
    expect(text(await response!.arrayBuffer())).toBe('{"ok":true}')
  })

  it('a non-2xx answer is FunctionsHttpError with status, parsed body, and a readable context', async () => {
    const result = await respondWith(json({ error: '余额不足' }, 402)).invoke('pay')
    expect(result.data).toBeNull()
    const error = result.error as FunctionsHttpError
    expect(error).toBeInstanceOf(FunctionsHttpError)
    expect(error.code).toBe('HTTP_ERROR')
    expect(error.status).toBe(402)
    expect(error.body).toEqual({ error: '余额不足' })
    expect(error.context).toBe(result.response)
    expect(await error.context.json()).toEqual({ error: '余额不足' })
  })

  it('an error body that claims JSON but is not stays text', async () => {
    const { error } = await respondWith({ status: 500, headers: { 'content-type': 'application/json' }, body: 'Internal <b>' }).invoke('x')
    expect((error as FunctionsHttpError).body).toBe('Internal <b>')
  })

  it('x-relay-error: true is a relay error whatever the status, checked before the status', async () => {
    for (const status of [200, 401, 502]) {
      const { error, response } = await respondWith({
        ...json({ message: 'Invalid JWT' }, status),
        headers: { 'X-Relay-Error': 'true', 'content-type': 'application/json' },
      }).invoke('x')
      expect(error).toBeInstanceOf(FunctionsRelayError)
      expect(error!.code).toBe('RELAY_ERROR')
      expect((error as FunctionsRelayError).status).toBe(status)
      expect((error as FunctionsRelayError).body).toEqual({ message: 'Invalid JWT' })
      expect(error!.context).toBe(response)
    }
    const { error } = await respondWith({ headers: { 'x-relay-error': 'false' }, body: 'ok' }).invoke('x')
    expect(error).toBeNull()
  })

  it('invalid JSON in a 2xx JSON answer is FunctionsResponseError, with the body still readable', async () => {
    const { error, response, data } = await respondWith({ headers: { 'content-type': 'application/json' }, body: '{"oops":' }).invoke('x')
    expect(data).toBeNull()
    expect(error).toBeInstanceOf(FunctionsResponseError)
    expect(error!.code).toBe('INVALID_RESPONSE')
    expect(error!.message).toMatch(/^The body does not match its Content-Type: SyntaxError/)
    expect(error!.context).toBe(response)
    expect(await response!.text()).toBe('{"oops":')
  })
})

describe('failures', () => {
  it('a transport failure is FunctionsFetchError with what the transport failed with', async () => {
    const cause = { errMsg: 'request:fail ssl hand shake error' }
    const { error, response } = await setup(() => ({ fail: cause })).functions.invoke('x')
    expect(error).toBeInstanceOf(FunctionsFetchError)
    expect(error!.code).toBe('NETWORK_ERROR')
    expect(error!.context).toBe(cause)
    expect(response).toBeUndefined()
    const timeout = await setup(() => ({ fail: cause, code: 'TIMEOUT' })).functions.invoke('x')
    expect(timeout.error!.code).toBe('TIMEOUT')
  })

  it('a transport that throws still gives a typed error', async () => {
    const functions = createFunctions({
      url,
      transport: () => {
        throw new TypeError('bad url')
      },
    })
    const { error } = await functions.invoke('x')
    expect(error).toBeInstanceOf(FunctionsFetchError)
    expect((error!.context as Error).message).toBe('bad url')
  })

  it('a transport that calls back twice settles once', async () => {
    const functions = createFunctions({
      url,
      transport: ({ success, fail }) => {
        success({ statusCode: 200, header: {}, data: new TextEncoder().encode('first').buffer as ArrayBuffer })
        success({ statusCode: 200, header: {}, data: new ArrayBuffer(0) })
        fail(new Error('late'))
      },
    })
    const result = await functions.invoke('x')
    expect(result).toMatchObject({ data: 'first', error: null })
  })

  const noop = (): void => undefined
  it.each([
    ['no options', undefined, /transport is missing/],
    ['no transport', { url }, /transport is missing/],
    ['no url', { transport: noop }, /url is missing/],
    ['a relative url', { url: '/api', transport: noop }, /must be http\(s\)/],
    ['a bad trusted origin', { url, transport: noop, trustedOrigins: ['functions1.memfiredb.com'] }, /must be http\(s\)/],
  ])('createFunctions with %s does not throw; each invoke says what is wrong', async (_, options, message) => {
    const functions = createFunctions(options as any)
    const { error } = await functions.invoke('x')
    expect(error).toBeInstanceOf(FunctionsRequestError)
    expect(error!.message).toMatch(message)
  })
})

describe('timeout and cancel', () => {
  const hanging = () => setup(() => 'hang')

  it('a timeout ends the call with code TIMEOUT and aborts the request', async () => {
    const { functions, calls } = hanging()
    const mock = hanging()
    const started = Date.now()
    const { error } = await mock.functions.invoke('x', { timeout: 50 })
    expect(Date.now() - started).toBeGreaterThanOrEqual(45)
    expect(error).toBeInstanceOf(FunctionsFetchError)
    expect(error!.code).toBe('TIMEOUT')
    expect((error!.context as Error).message).toBe('No answer within 50 ms')
    expect(mock.aborts).toBe(1)
    expect(calls).toHaveLength(0)
    void functions
  })

  it('the client default applies, and a per-call 0 turns it off', async () => {
    const mock = setup(() => 'hang', { timeout: 30 })
    expect((await mock.functions.invoke('x')).error!.code).toBe('TIMEOUT')
    const fast = setup(() => new Promise<Reply>((resolve) => setTimeout(() => resolve({ body: 'late' }), 80)), { timeout: 30 })
    expect((await fast.functions.invoke('x', { timeout: 0 })).data).toBe('late')
  })

  it.each([-1, NaN, Infinity, 2 ** 31, '100', {}])('timeout %p is refused', async (timeout) => {
    const { functions, calls } = setup()
    const { error } = await functions.invoke('x', { timeout: timeout as any })
    expect(error).toBeInstanceOf(FunctionsRequestError)
    expect(error!.message).toBe('timeout must be 0 to 2147483647 ms')
    expect(calls).toHaveLength(0)
  })

  it('an already-aborted signal fails at once, keeps its reason, sends nothing', async () => {
    const { functions, calls } = setup(undefined, { timeout: 1000 })
    const controller = new AbortController()
    const reason = new Error('user left the page')
    controller.abort(reason)
    const { error } = await functions.invoke('x', { signal: controller.signal })
    expect(error).toBeInstanceOf(FunctionsFetchError)
    expect(error!.code).toBe('ABORTED')
    expect(error!.context).toBe(reason)
    expect(calls).toHaveLength(0)
  })

  it('aborting mid-flight ends the call with code ABORTED and aborts the request', async () => {
    const mock = hanging()
    const controller = createAbortController()
    const pending = mock.functions.invoke('x', { signal: controller.signal, timeout: 5000 })
    await new Promise((resolve) => setTimeout(resolve, 10))
    controller.abort('stop')
    const { error } = await pending
    expect(error!.code).toBe('ABORTED')
    expect(error!.context).toBe('stop')
    expect(mock.aborts).toBe(1)
  })

  it('createAbortController gives an AbortError reason by default and aborts once', () => {
    const controller = createAbortController()
    const listener = jest.fn()
    controller.signal.addEventListener('abort', listener)
    controller.abort()
    controller.abort('again')
    expect(listener).toHaveBeenCalledTimes(1)
    expect(controller.signal.aborted).toBe(true)
    expect((controller.signal.reason as Error).name).toBe('AbortError')
  })

  it('removes its abort listener when the call ends, and a late abort changes nothing', async () => {
    const listeners = new Set<() => void>()
    const signal = {
      aborted: false,
      addEventListener: (_: string, listener: () => void) => listeners.add(listener),
      removeEventListener: (_: string, listener: () => void) => listeners.delete(listener),
    }
    const mock = setup(() => ({ body: 'ok' }))
    const result = await mock.functions.invoke('x', { signal })
    expect(listeners.size).toBe(0)
    expect(result.data).toBe('ok')
    expect(mock.aborts).toBe(0)
  })

  it('a half-made signal or a task whose abort throws cannot crash the app from the timer', async () => {
    const signal = { aborted: false, addEventListener() {} } as any
    const throwingAbort = createFunctions({
      url,
      transport: () => ({
        abort() {
          throw new Error('abort failed')
        },
      }),
    })
    const { error } = await throwingAbort.invoke('x', { timeout: 20, signal })
    expect(error!.code).toBe('TIMEOUT')
    await new Promise((resolve) => setTimeout(resolve, 20))
  })

  it('a signal that is not one is a typed error', async () => {
    const { error } = await setup().functions.invoke('x', { signal: {} as any })
    expect(error!.message).toBe('signal must be an AbortSignal')
  })
})

describe('invoke never rejects', () => {
  it('resolves with a typed error for every kind of junk', async () => {
    const { functions } = setup(() => ({ body: 'ok' }))
    const circular: any = {}
    circular.self = circular
    const junk: any[] = [
      [undefined],
      [null],
      [42],
      [{}],
      [''],
      ['../x'],
      ['x', { body: circular }],
      ['x', { body: BigInt(1) }],
      ['x', { body: Symbol('s') }],
      ['x', { headers: 'nope' }],
      ['x', { headers: { a: {} } }],
      ['x', { method: 42 }],
      ['x', { region: { evil: true } }],
      ['x', { signal: 'nope' }],
    ]
    for (const args of junk) {
      const result = await (functions.invoke as any)(...args)
      expect(result.data).toBeNull()
      expect(result.error).toBeInstanceOf(FunctionsRequestError)
    }
  })
})
