// docs/migrate-from-functions-js.md: the differences it lists, shown on @supabase/functions-js itself
// (the pinned devDependency, with a customFetch that records what it would send) beside mp-functions
// (a transport that records the same). If functions-js changes one, the guide must change too.
import { FunctionsClient } from '@supabase/functions-js'
import { createServer } from 'net'
import { createAbortController, createFunctions, fetchTransport, type TransportOptions } from '../src'

type Sent = { url: string; body: unknown; headers: Record<string, string> }

function upstream() {
  const sent: Sent[] = []
  const client = new FunctionsClient('https://x.supabase.co/functions/v1', {
    customFetch: (async (url: string, init: any) => {
      sent.push({ url, body: init.body, headers: init.headers })
      return new Response('{"a":1}', { headers: { 'content-type': 'application/json' } })
    }) as any,
  })
  return { client, sent }
}

function ours() {
  const sent: TransportOptions[] = []
  const client = createFunctions({
    url: 'https://x.supabase.co',
    anonKey: 'anon',
    transport: (request) => {
      sent.push(request)
      request.success({ statusCode: 200, header: { 'content-type': 'application/json' }, data: new TextEncoder().encode('{"a":1}').buffer })
    },
  })
  return { client, sent }
}

it('a Uint8Array: functions-js sends {"0":…} JSON; ours its bytes', async () => {
  const a = upstream()
  await a.client.invoke('hello', { body: new Uint8Array([97, 98]) as any })
  expect(a.sent[0]).toMatchObject({ body: '{"0":97,"1":98}', headers: { 'Content-Type': 'application/json' } })
  const b = ours()
  await b.client.invoke('hello', { body: new Uint8Array([97, 98]) })
  expect(Array.from(new Uint8Array(b.sent[0].data as ArrayBuffer))).toEqual([97, 98])
  expect(b.sent[0].header['Content-Type']).toBe('application/octet-stream')
})

it('a falsy body: functions-js skips inference and hands fetch the raw 0; ours sends JSON', async () => {
  const a = upstream()
  await a.client.invoke('hello', { body: 0 as any })
  expect(a.sent[0]).toMatchObject({ body: 0, headers: {} })
  const b = ours()
  await b.client.invoke('hello', { body: 0 })
  expect(b.sent[0]).toMatchObject({ data: '0', header: { 'Content-Type': 'application/json' } })
})

it("headers: functions-js sends Authorization and authorization both; ours one, the call's", async () => {
  const a = upstream()
  a.client.setAuth('t')
  await a.client.invoke('hello', { headers: { authorization: 'Bearer x' } })
  expect(a.sent[0].headers).toMatchObject({ Authorization: 'Bearer t', authorization: 'Bearer x' })
  const b = ours()
  b.client.setAuth('t')
  await b.client.invoke('hello', { headers: { authorization: 'Bearer x' } })
  expect(Object.entries(b.sent[0].header).filter(([name]) => /^authorization$/i.test(name))).toEqual([['authorization', 'Bearer x']])
})

it('setAuth(null): functions-js sends "Bearer null"; ours goes back to the anon key', async () => {
  const a = upstream()
  a.client.setAuth(null as any)
  await a.client.invoke('hello')
  expect(a.sent[0].headers.Authorization).toBe('Bearer null')
  const b = ours()
  b.client.setAuth('t')
  b.client.setAuth(null)
  await b.client.invoke('hello')
  expect(b.sent[0].header.Authorization).toBe('Bearer anon')
})

it('names: functions-js lets ".." climb out of /functions/v1 and glues full addresses on; ours refuses the one, trusts-checks the other', async () => {
  const a = upstream()
  await a.client.invoke('../../rest/v1/x')
  await a.client.invoke('https://other.example/fn')
  expect(a.sent.map((s) => s.url)).toEqual([
    'https://x.supabase.co/rest/v1/x',
    'https://x.supabase.co/functions/v1/https://other.example/fn',
  ])
  const b = ours()
  expect((await b.client.invoke('../../rest/v1/x')).error?.code).toBe('INVALID_REQUEST')
  expect((await b.client.invoke('https://other.example/fn')).error?.message).toMatch(/add it to trustedOrigins/)
  expect(b.sent).toHaveLength(0)
})

it('the response: functions-js has read its body (reading again fails); ours reads again', async () => {
  const { response } = await upstream().client.invoke('hello')
  await expect(response!.json()).rejects.toThrow(/already been read|unusable/i)
  const again = await ours().client.invoke('hello')
  await expect(again.response!.json()).resolves.toEqual({ a: 1 })
})

it('an aborted signal with a timeout: functions-js sends anyway; ours fails at once with ABORTED and the reason', async () => {
  const a = upstream()
  const controller = new AbortController()
  controller.abort('gone')
  const before = await a.client.invoke('hello', { signal: controller.signal, timeout: 1000 })
  expect(before.error).toBeNull()
  expect(a.sent).toHaveLength(1)
  const b = ours()
  const mine = createAbortController()
  mine.abort('gone')
  const after = await b.client.invoke('hello', { signal: mine.signal, timeout: 1000 })
  expect(after.error).toMatchObject({ code: 'ABORTED', context: 'gone' })
  expect(b.sent).toHaveLength(0)
})

it('an event stream: both resolve at the headers; functions-js gives the Response, ours a parsed EventStream (the Response with stream: false)', async () => {
  const sse = 'data: 1\n\n'
  const a = new FunctionsClient('https://x.supabase.co/functions/v1', {
    customFetch: (async () => new Response(sse, { headers: { 'content-type': 'text/event-stream' } })) as any,
  })
  const theirs = await a.invoke('feed')
  expect(await (theirs.data as Response).text()).toBe(sse)
  const answer = (request: TransportOptions) =>
    request.success({ statusCode: 200, header: { 'content-type': 'text/event-stream' }, data: new TextEncoder().encode(sse).buffer })
  const b = createFunctions({ url: 'https://x.supabase.co', anonKey: 'anon', transport: answer })
  const events: string[] = []
  for await (const event of (await b.invoke('feed')).data) events.push(event.data)
  expect(events).toEqual(['1'])
  const whole = await b.invoke('feed', { stream: false })
  expect(await whole.data.text()).toBe(sse)
})

// The cases below are the ones functions-js's own test suite exercises (supabase-js monorepo,
// packages/core/functions-js/test), run on both clients: where they differ, the guide's table says so.

it('an empty name (its custom-fetch tests call invoke("")): functions-js requests the functions root; ours refuses it', async () => {
  const a = upstream()
  const before = await a.client.invoke('')
  expect(before.error).toBeNull()
  expect(a.sent.map((s) => s.url)).toEqual(['https://x.supabase.co/functions/v1/'])
  const b = ours()
  for (const name of ['', '   ']) {
    const after = await b.client.invoke(name)
    expect(after.error).toMatchObject({ name: 'FunctionsRequestError', code: 'INVALID_REQUEST' })
  }
  expect(b.sent).toHaveLength(0)
})

it('the response object: functions-js hands over a fetch Response; ours a Response-like object, not instanceof Response', async () => {
  const { response } = await upstream().client.invoke('hello')
  expect(response).toBeInstanceOf(Response)
  const mine = await ours().client.invoke('hello')
  expect(mine.response).not.toBeInstanceOf(Response)
  expect(mine.response).toMatchObject({ status: 200, ok: true })
  expect(mine.response!.headers.get('Content-Type')).toBe('application/json')
})

it('the same: a relay error (x-relay-error: true) has the same message, null data and the response, on both', async () => {
  const relay = () =>
    new Response('{"msg":"Invalid JWT"}', { status: 401, headers: { 'x-relay-error': 'true', 'content-type': 'application/json' } })
  const a = new FunctionsClient('https://x.supabase.co/functions/v1', { customFetch: (async () => relay()) as any })
  const before = await a.invoke('hello')
  const b = createFunctions({
    url: 'https://x.supabase.co',
    anonKey: 'anon',
    transport: (request) =>
      request.success({
        statusCode: 401,
        header: { 'x-relay-error': 'true', 'content-type': 'application/json' },
        data: new TextEncoder().encode('{"msg":"Invalid JWT"}').buffer,
      }),
  })
  const after = await b.invoke('hello')
  for (const { data, error, response } of [before, after]) {
    expect(data).toBeNull()
    expect(error).toMatchObject({ name: 'FunctionsRelayError', message: 'Relay Error invoking the Edge Function' })
    expect(response!.status).toBe(401)
  }
  expect(after.error).toMatchObject({ code: 'RELAY_ERROR' })
})

it('the same: a JSON Content-Type in any casing is parsed as JSON, on both', async () => {
  for (const type of ['application/json', 'Application/JSON; charset=utf-8', 'APPLICATION/JSON']) {
    const a = new FunctionsClient('https://x.supabase.co/functions/v1', {
      customFetch: (async () => new Response('{"foo":"bar"}', { headers: { 'Content-Type': type } })) as any,
    })
    const b = createFunctions({
      url: 'https://x.supabase.co',
      anonKey: 'anon',
      transport: (request) =>
        request.success({ statusCode: 200, header: { 'Content-Type': type }, data: new TextEncoder().encode('{"foo":"bar"}').buffer }),
    })
    expect((await a.invoke('fn')).data).toEqual({ foo: 'bar' })
    expect((await b.invoke('fn')).data).toEqual({ foo: 'bar' })
  }
})

it("the same: an object body with the caller's Content-Type is still sent as JSON, under that Content-Type, on both", async () => {
  const a = upstream()
  await a.client.invoke('hello', { body: { a: 1 }, headers: { 'content-type': 'application/vnd.api+json' } })
  expect(a.sent[0]).toMatchObject({ body: '{"a":1}', headers: { 'content-type': 'application/vnd.api+json' } })
  const b = ours()
  await b.client.invoke('hello', { body: { a: 1 }, headers: { 'content-type': 'application/vnd.api+json' } })
  expect(b.sent[0].data).toBe('{"a":1}')
  expect(Object.entries(b.sent[0].header).filter(([name]) => /^content-type$/i.test(name))).toEqual([
    ['content-type', 'application/vnd.api+json'],
  ])
})

it("the same: with a timeout and a signal, the listener added to the caller's signal is removed after the call, on both", async () => {
  for (const client of [upstream().client, ours().client]) {
    const controller = new AbortController()
    const added = jest.spyOn(controller.signal, 'addEventListener')
    const removed = jest.spyOn(controller.signal, 'removeEventListener')
    await client.invoke('hello', { timeout: 5000, signal: controller.signal })
    const listener = added.mock.calls.find(([event]) => event == 'abort')?.[1]
    expect(listener).toBeDefined()
    expect(removed.mock.calls.find(([event]) => event == 'abort')?.[1]).toBe(listener)
  }
})

it('a timeout and a cancel: the same class on both; functions-js gives both an AbortError, ours the codes TIMEOUT and ABORTED', async () => {
  // A function that never answers: both clients must give up on their own.
  const hanging = new FunctionsClient('https://x.supabase.co/functions/v1', {
    customFetch: ((_url: string, init: any) =>
      new Promise((_resolve, reject) => init.signal.addEventListener('abort', () => reject(init.signal.reason)))) as any,
  })
  const silent = createFunctions({ url: 'https://x.supabase.co', anonKey: 'anon', transport: () => ({ abort() {} }) })
  const cancel = () => {
    const controller = new AbortController()
    setTimeout(() => controller.abort(), 20)
    return controller.signal
  }
  for (const options of [() => ({ timeout: 20 }), () => ({ timeout: 5000, signal: cancel() })]) {
    const { error } = await hanging.invoke('slow', options())
    expect(error).toMatchObject({ name: 'FunctionsFetchError', context: { name: 'AbortError' } })
  }
  expect((await silent.invoke('slow', { timeout: 20 })).error).toMatchObject({ name: 'FunctionsFetchError', code: 'TIMEOUT' })
  expect((await silent.invoke('slow', { timeout: 5000, signal: cancel() })).error).toMatchObject({
    name: 'FunctionsFetchError',
    code: 'ABORTED',
  })
})

it('the same: a function that switches protocols (101, its hijack test) is a FunctionsFetchError on both; ours NETWORK_ERROR', async () => {
  const server = createServer((socket) =>
    socket.once('data', () => socket.end('HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n\r\nHello')),
  )
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  try {
    const url = `http://127.0.0.1:${(server.address() as { port: number }).port}`
    const before = await new FunctionsClient(`${url}/functions/v1`).invoke('hijack')
    const after = await createFunctions({ url, anonKey: 'anon', transport: fetchTransport() }).invoke('hijack')
    expect(before.error).toMatchObject({ name: 'FunctionsFetchError' })
    expect(after.error).toMatchObject({ name: 'FunctionsFetchError', code: 'NETWORK_ERROR' })
  } finally {
    server.close()
  }
})
