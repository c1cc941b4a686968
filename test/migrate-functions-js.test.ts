// docs/migrate-from-functions-js.md: the differences it lists, shown on @supabase/functions-js itself
// (the pinned devDependency, with a customFetch that records what it would send) beside mp-functions
// (a transport that records the same). If functions-js changes one, the guide must change too.
import { FunctionsClient } from '@supabase/functions-js'
import { createAbortController, createFunctions, type TransportOptions } from '../src'

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

it('an empty function name: functions-js sends the request to the functions root; ours refuses it with INVALID_REQUEST', async () => {
  const a = upstream()
  await a.client.invoke('')
  expect(a.sent[0].url).toBe('https://x.supabase.co/functions/v1/')
  const b = ours()
  const { data, error } = await b.client.invoke('')
  expect(data).toBeNull()
  expect(error).toMatchObject({ name: 'FunctionsRequestError', code: 'INVALID_REQUEST', message: 'Invalid function name: ' })
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
