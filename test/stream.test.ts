import {
  createAbortController,
  createFunctions,
  fetchTransport,
  FunctionsFetchError,
  FunctionsHttpError,
  FunctionsResponseError,
  miniProgramTransport,
  queue,
  retry,
  type EventStream,
  type ServerSentEvent,
  type Transport,
} from '../src'
import { eventually, type Gateway } from './helpers/transport-suite'
// eslint-disable-next-line @typescript-eslint/no-var-requires
const { startGateway } = require('../gateway')
// eslint-disable-next-line @typescript-eslint/no-var-requires
const { createWx } = require('./helpers/fake-wx')

let gw: Gateway
beforeAll(async () => {
  gw = await startGateway()
})
afterAll(() => gw.close())

const sseRequests = () => gw.requests.filter((r: any) => r.fn === 'sse')

async function collect(stream: EventStream) {
  const events: Array<ServerSentEvent & { at: number }> = []
  for await (const event of stream) events.push({ ...event, at: Date.now() })
  return events
}

// [label, transport, delivers pieces, tells the headers before the body]
const transports: Array<[string, () => Transport, boolean, boolean]> = [
  ['fetchTransport', () => fetchTransport(), true, true],
  ['miniProgramTransport(wx.request) with enableChunked', () => miniProgramTransport(createWx().request), true, true],
  [
    'miniProgramTransport(wx.request) on a base library without chunks',
    () => miniProgramTransport(createWx({ noChunked: true }).request),
    false,
    true,
  ],
  [
    'miniProgramTransport on a platform whose task has no header or chunk events (Alipay)',
    () => {
      const wx = createWx()
      return miniProgramTransport((options) => {
        // Alipay knows no enableChunked: the whole body comes in success.
        const task = wx.request({ ...options, enableChunked: false })
        return { abort: () => task.abort() }
      })
    },
    false,
    false,
  ],
]

describe.each(transports)('streaming over %s', (_, makeTransport, chunked, headersEarly) => {
  const client = (defaults?: { idleTimeout?: number }) =>
    createFunctions({ url: gw.url, anonKey: gw.anonKey, transport: makeTransport(), stream: defaults })

  it('hands the stream over at the headers and gives parsed events' + (chunked ? ' as they arrive' : ' at the end'), async () => {
    const started = Date.now()
    const { data: stream, error, response } = await client().invoke<EventStream>('sse?count=4&interval=300', { stream: true })
    expect(error).toBeNull()
    expect(response!.headers.get('content-type')).toMatch(/text\/event-stream/)
    // The answer takes 1.2 s to write; a stream is handed over long before that.
    if (headersEarly) expect(Date.now() - started).toBeLessThan(900)
    const events = await collect(stream!)
    expect(events.map(({ event, data }) => ({ event, data }))).toEqual([
      ...[1, 2, 3, 4].map((i) => ({ event: 'message', data: JSON.stringify({ index: i, text: `第${i}条消息：你好` }) })),
      { event: 'done', data: '[DONE]' },
    ])
    // Pieces really arrived one by one: the first event came well before the last.
    if (chunked) expect(events[4].at - events[0].at).toBeGreaterThan(600)
    expect(sseRequests().pop()!.headers.authorization).toBe(`Bearer ${gw.anonKey}`)
  })

  it('keeps a Chinese character split across two network pieces whole', async () => {
    const { data: stream } = await client().invoke<EventStream>('sse?count=3&interval=10&split=40', { stream: true })
    const texts: string[] = []
    for await (const text of stream!.chunks()) texts.push(text)
    const all = texts.join('')
    expect(all).not.toContain('\ufffd')
    expect(all).toContain('第3条消息：你好')
    if (chunked) expect(texts.some((text) => text.endsWith('第1条'))).toBe(true)
  })

  it('callback form: onEvent, onChunk, onEnd', async () => {
    const { data: stream } = await client().invoke<EventStream>('sse?count=2&interval=10', { stream: true })
    const seen: string[] = []
    let chunks = ''
    let ended: unknown = 'not yet'
    await stream!.listen({
      onEvent: (event) => seen.push(event.event),
      onChunk: (text) => (chunks += text),
      onEnd: (error) => (ended = error),
    })
    expect(seen).toEqual(['message', 'message', 'done'])
    expect(chunks).toMatch(/^data: [^]*\n\nevent: done\ndata: \[DONE\]\n\n$/)
    expect(ended).toBeNull()
  })

  it('a non-2xx answer is the usual typed error with its body, not a stream', async () => {
    const { data, error } = await client().invoke('status/503', { stream: true })
    expect(data).toBeNull()
    expect(error).toBeInstanceOf(FunctionsHttpError)
    expect((error as FunctionsHttpError).status).toBe(503)
    expect((error as any).body).toEqual({ error: expect.any(String), code: 503 })
  })

  it('a JSON answer to stream: true is not what the call was typed for: INVALID_RESPONSE saying what to change, body readable', async () => {
    const { data, error } = await client().invoke('hello', { body: { name: '流' }, stream: true })
    expect(data).toBeNull()
    expect(error).toBeInstanceOf(FunctionsResponseError)
    expect(error!.message).toMatch(/^Expected a stream \(text\/event-stream or text\/plain\), got application\/json: call without `stream`/)
    expect(JSON.parse(await (error as FunctionsResponseError).context.text())).toEqual({ message: 'Hello 流!' })
  })

  it('without stream: an event stream is still handed over as one, at its headers', async () => {
    const { data: stream } = await client().invoke<EventStream>('sse?count=2&interval=10')
    expect((await collect(stream!)).map((event) => event.event)).toEqual(['message', 'message', 'done'])
  })

  it('a dropped connection ends the reading with a typed error, never silently', async () => {
    const { data: stream, error: early } = await client().invoke<EventStream>('sse?count=5&interval=20&drop=2', { stream: true })
    // Where the body arrives whole, the failure comes before there is a stream to read.
    const error =
      early ||
      (await collect(stream!).then(
        () => null,
        (e) => e,
      ))
    expect(error).toBeInstanceOf(FunctionsFetchError)
    expect(error.code).toBe('NETWORK_ERROR')
  })

  if (chunked) {
    it('a stalled stream ends with a TIMEOUT after the idle timeout, and the request is aborted', async () => {
      gw.clearRequests()
      const { data: stream } = await client({ idleTimeout: 5000 }).invoke<EventStream>('sse?count=5&interval=10&stall=1', {
        stream: { idleTimeout: 300 },
      })
      const started = Date.now()
      const error = await collect(stream!).then(
        () => null,
        (e) => e,
      )
      expect(error).toBeInstanceOf(FunctionsFetchError)
      expect(error.code).toBe('TIMEOUT')
      expect(error.message).toMatch(/the stream sent nothing for 300 ms/)
      expect(Date.now() - started).toBeLessThan(2000)
      await eventually(() => sseRequests()[0]?.aborted === true)
    })

    it('cancel() aborts the real request; breaking out of for await too', async () => {
      gw.clearRequests()
      const first = (await client().invoke<EventStream>('sse?count=100&interval=50', { stream: true })).data!
      first.cancel()
      await eventually(() => sseRequests()[0]?.aborted === true)
      const second = (await client().invoke<EventStream>('sse?count=100&interval=50', { stream: true })).data!
      for await (const event of second) {
        expect(event.data).toMatch(/"index":1/)
        break
      }
      await eventually(() => sseRequests()[1]?.aborted === true)
    })

    it('the signal aborts the stream after the call resolved: reading ends with ABORTED', async () => {
      gw.clearRequests()
      const controller = createAbortController()
      const { data: stream } = await client().invoke<EventStream>('sse?count=100&interval=30', { stream: true, signal: controller.signal })
      setTimeout(() => controller.abort(), 100)
      const error = await collect(stream!).then(
        () => null,
        (e) => e,
      )
      expect(error.code).toBe('ABORTED')
      await eventually(() => sseRequests()[0]?.aborted === true)
    })
  }

  it(
    headersEarly
      ? 'the call timeout covers the wait for the headers only'
      : 'the call timeout covers the whole answer (no early headers here)',
    async () => {
      const { data: stream, error } = await client().invoke<EventStream>('sse?count=3&interval=300', { stream: true, timeout: 500 })
      if (!headersEarly) return expect(error!.code).toBe('TIMEOUT')
      expect(error).toBeNull()
      expect(await collect(stream!)).toHaveLength(4)
    },
  )

  it('a stream is read once, one way', async () => {
    const { data: stream } = await client().invoke<EventStream>('sse?count=1', { stream: true })
    const chunks = stream!.chunks()
    expect(() => stream!.chunks()).toThrow(/already read with chunks\(\)/)
    for await (const _ of chunks);
  })
})

describe('with the retry and queue features', () => {
  it('a stream that broke after it started is not sent again', async () => {
    gw.clearRequests()
    const functions = createFunctions({
      url: gw.url,
      anonKey: gw.anonKey,
      transport: fetchTransport(),
      features: [retry({ attempts: 3, methods: ['POST'], delay: 10 }), queue()],
    })
    const { data: stream } = await functions.invoke<EventStream>('sse?count=5&interval=20&drop=2', { stream: true })
    const error = await collect(stream!).then(
      () => null,
      (e) => e,
    )
    expect(error.code).toBe('NETWORK_ERROR')
    await new Promise((resolve) => setTimeout(resolve, 100))
    expect(sseRequests()).toHaveLength(1)
  })

  it('a failure before the stream started is retried as usual', async () => {
    gw.clearRequests()
    const functions = createFunctions({
      url: gw.url,
      anonKey: gw.anonKey,
      transport: fetchTransport(),
      features: [retry({ attempts: 3, methods: ['POST'], delay: 10 })],
    })
    const { error } = await functions.invoke('status/503', { stream: true })
    expect(error!.code).toBe('HTTP_ERROR')
    expect(gw.requests.filter((r: any) => r.fn === 'status')).toHaveLength(3)
  })
})

describe('with retries, answers that are not streams', () => {
  const functions = () =>
    createFunctions({
      url: gw.url,
      anonKey: gw.anonKey,
      transport: fetchTransport(),
      features: [retry({ attempts: 3, methods: ['POST'], delay: 10, statusCodes: [429, 503] })],
    })

  it('a retried status that finally succeeds gives the answer', async () => {
    const { data, error, response } = await functions().invoke('fault/flaky?key=s1&failures=2')
    expect(error).toBeNull()
    expect(data).toEqual({ ok: true, attempt: 3 })
    expect(response!.headers.get('x-retry-attempts')).toBe('3')
  })

  it('a held-back answer that stands after all (Retry-After too long) arrives whole, body included', async () => {
    const { error } = await functions().invoke('fault/flaky?key=s2&failures=5&status=429&retryAfter=120')
    expect(error!.code).toBe('HTTP_ERROR')
    expect((error as FunctionsHttpError).status).toBe(429)
    expect((error as any).body).toBeTruthy()
    expect(gw.requests.filter((r: any) => r.query.key === 's2')).toHaveLength(1)
  })
})

describe('streaming by the answer: a never-ending event stream', () => {
  const plainClients: Array<[string, () => Transport]> = [
    ['fetchTransport', () => fetchTransport()],
    ['miniProgramTransport(wx.request)', () => miniProgramTransport(createWx().request)],
  ]

  it.each(plainClients)(
    'resolves at its headers with the simplest client (%s, no option); cancel() closes the socket at the gateway',
    async (_, makeTransport) => {
      gw.clearRequests()
      const functions = createFunctions({ url: gw.url, anonKey: gw.anonKey, transport: makeTransport() })
      const { data: stream, error } = await functions.invoke<EventStream>('sse?forever=1&interval=20')
      expect(error).toBeNull()
      const seen: string[] = []
      for await (const event of stream!) {
        seen.push(JSON.parse(event.data).index)
        if (seen.length == 3) break
      }
      expect(seen).toEqual([1, 2, 3])
      await eventually(() => sseRequests()[0]?.aborted === true)
      expect(gw.load.inFlight).toBe(0)
    },
  )

  it('stream: false reads it whole: the response itself, as functions-js hands over an event stream (here it ends)', async () => {
    const functions = createFunctions({ url: gw.url, anonKey: gw.anonKey, transport: fetchTransport() })
    const { data, response } = await functions.invoke('sse?count=1&interval=0', { stream: false })
    expect(data).toBe(response)
    expect(await response!.text()).toMatch(/event: done/)
  })
})

describe('the queue counts a stream until it is over', () => {
  it('a queue of 2 and 5 open streams: at most 2 requests open at the gateway until one ends or is cancelled', async () => {
    gw.clearRequests()
    gw.resetInFlight()
    const functions = createFunctions({
      url: gw.url,
      anonKey: gw.anonKey,
      transport: fetchTransport(),
      features: [queue({ maxConcurrent: 2 })],
    })
    const calls = Array.from({ length: 5 }, () => functions.invoke<EventStream>('sse?forever=1&interval=20'))
    const first = await calls[0]
    const second = await calls[1]
    await new Promise((resolve) => setTimeout(resolve, 300))
    expect(sseRequests()).toHaveLength(2)
    expect(gw.load.maxInFlight).toBe(2)
    // Ending one stream lets the next request go.
    first.data!.cancel()
    const third = await calls[2]
    await new Promise((resolve) => setTimeout(resolve, 200))
    expect(sseRequests()).toHaveLength(3)
    expect(gw.load.maxInFlight).toBe(2)
    second.data!.cancel()
    third.data!.cancel()
    const rest = await Promise.all(calls.slice(3))
    for (const { data } of rest) data!.cancel()
    await eventually(() => gw.load.inFlight === 0)
    expect(gw.load.maxInFlight).toBe(2)
    expect(sseRequests()).toHaveLength(5)
  })
})
