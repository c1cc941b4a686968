import { createAbortController, createFunctions, queue, type QueueOptions, type Transport, type TransportOptions } from '../src'

const url = 'https://abcd.supabase.co'
const ok = (request: TransportOptions) => request.success({ statusCode: 200, header: {}, data: new ArrayBuffer(0) })
const tick = (ms = 0) => new Promise((resolve) => setTimeout(resolve, ms))

/** A transport whose requests wait for the test to answer them; counts what is in flight. */
function heldTransport(reportsAbort = true) {
  const held: TransportOptions[] = []
  const sent: string[] = []
  let inFlight = 0
  let maxInFlight = 0
  const transport: Transport = (request) => {
    sent.push(request.url.split('/').pop()!)
    held.push(request)
    maxInFlight = Math.max(maxInFlight, ++inFlight)
    const done = (settle: () => void) => () => {
      const i = held.indexOf(request)
      if (i < 0) return
      held.splice(i, 1)
      inFlight--
      settle()
    }
    request.success = (
      (success) => (response: any) =>
        done(() => success(response))()
    )(request.success)
    return { abort: () => reportsAbort && done(() => request.fail(new Error('abort'), 'ABORTED'))() }
  }
  return {
    transport,
    held,
    sent,
    get inFlight() {
      return inFlight
    },
    get maxInFlight() {
      return maxInFlight
    },
    answerFirst: () => ok(held[0]),
  }
}

const client = (transport: Transport, options?: QueueOptions) =>
  createFunctions({ url, anonKey: 'k', transport, features: [queue(options)] })
/** The feature's layer alone, over a transport: for requests that do not come from `invoke`. */
const queueLayer = (transport: Transport, options?: QueueOptions) =>
  (queue(options).wrapTransport as (next: Transport) => Transport)(transport)

describe('queue', () => {
  it('keeps at most 8 in flight by default, and sends the rest first come first served', async () => {
    const held = heldTransport()
    const functions = client(held.transport)
    const calls = Array.from({ length: 20 }, (_, i) => functions.invoke('f' + i))
    await tick()
    expect(held.inFlight).toBe(8)
    while (held.held.length) {
      held.answerFirst()
      await tick()
    }
    const results = await Promise.all(calls)
    expect(results.every((result) => result.error === null)).toBe(true)
    expect(held.maxInFlight).toBe(8)
    expect(held.sent).toEqual(Array.from({ length: 20 }, (_, i) => 'f' + i))
  })

  it('takes its own limit', async () => {
    const held = heldTransport()
    const functions = client(held.transport, { maxConcurrent: 2 })
    const calls = [1, 2, 3, 4, 5].map((i) => functions.invoke('f' + i))
    await tick()
    expect(held.sent).toEqual(['f1', 'f2'])
    held.answerFirst()
    await tick()
    expect(held.sent).toEqual(['f1', 'f2', 'f3'])
    while (held.held.length) {
      held.answerFirst()
      await tick()
    }
    await Promise.all(calls)
    expect(held.maxInFlight).toBe(2)
  })

  it('a waiting call cancelled by its signal leaves the queue at once and is never sent', async () => {
    const held = heldTransport()
    const functions = client(held.transport, { maxConcurrent: 1 })
    const first = functions.invoke('first')
    const controller = createAbortController()
    const cancelled = functions.invoke('cancelled', { signal: controller.signal })
    const third = functions.invoke('third')
    await tick()
    controller.abort()
    expect((await cancelled).error!.code).toBe('ABORTED')
    held.answerFirst()
    await tick()
    held.answerFirst()
    expect((await first).error).toBeNull()
    expect((await third).error).toBeNull()
    expect(held.sent).toEqual(['first', 'third'])
  })

  it('a waiting call whose timeout runs out leaves the queue and is never sent', async () => {
    const held = heldTransport()
    const functions = client(held.transport, { maxConcurrent: 1 })
    const first = functions.invoke('first')
    const late = await functions.invoke('late', { timeout: 50 })
    expect(late.error!.code).toBe('TIMEOUT')
    held.answerFirst()
    await first
    await tick(10)
    expect(held.sent).toEqual(['first'])
  })

  it('a running call that is cancelled frees its place when the transport reports the end', async () => {
    const held = heldTransport()
    const functions = client(held.transport, { maxConcurrent: 1 })
    const controller = createAbortController()
    const first = functions.invoke('first', { signal: controller.signal })
    const second = functions.invoke('second')
    await tick()
    controller.abort()
    expect((await first).error!.code).toBe('ABORTED')
    await tick()
    expect(held.sent).toEqual(['first', 'second'])
    held.answerFirst()
    expect((await second).error).toBeNull()
  })

  it('a transport that never reports an aborted request still frees its place, after a grace second', async () => {
    const held = heldTransport(false)
    const functions = client(held.transport, { maxConcurrent: 1 })
    const first = functions.invoke('first', { timeout: 20 })
    const second = functions.invoke('second')
    expect((await first).error!.code).toBe('TIMEOUT')
    await tick(500)
    expect(held.sent).toEqual(['first'])
    await tick(700)
    expect(held.sent).toEqual(['first', 'second'])
    ok(held.held[1])
    expect((await second).error).toBeNull()
  })

  it('a transport that throws frees its place', async () => {
    let n = 0
    const throwing: Transport = (request) => {
      if (n++ == 0) throw new Error('boom')
      ok(request)
    }
    const functions = client(throwing, { maxConcurrent: 1 })
    const [first, second] = await Promise.all([functions.invoke('a'), functions.invoke('b')])
    expect(first.error!.code).toBe('NETWORK_ERROR')
    expect(second.error).toBeNull()
  })

  it('passes every option field through (streaming callbacks, the call’s options)', async () => {
    let seen: any
    const transport = queueLayer((request: TransportOptions) => {
      seen = request
      ok(request)
    })
    const onChunk = () => {}
    await new Promise((resolve) =>
      transport({ url, method: 'GET', header: {}, enableChunked: true, onChunk, success: resolve, fail: resolve } as any),
    )
    expect(seen.enableChunked).toBe(true)
    expect(seen.onChunk).toBe(onChunk)
  })

  it('never drops a call: 300 calls, random answers and cancels, through 3 places', async () => {
    const held = heldTransport()
    const functions = client(held.transport, { maxConcurrent: 3 })
    let resolved = 0
    const calls = Array.from({ length: 300 }, (_, i) => {
      const controller = createAbortController()
      if (i % 7 == 0) setTimeout(() => controller.abort(), i % 20)
      return functions.invoke('f' + i, { signal: controller.signal }).then((result) => (resolved++, result))
    })
    while (resolved < 300) {
      if (held.held.length) ok(held.held[Math.floor(Math.random() * held.held.length)])
      await tick(Math.random() < 0.1 ? 1 : 0)
    }
    const results = await Promise.all(calls)
    expect(results.filter((result) => result.error && result.error.code == 'ABORTED').length).toBeGreaterThan(0)
    expect(results.every((result) => result.error === null || result.error.code == 'ABORTED')).toBe(true)
    expect(held.maxInFlight).toBe(3)
  })
})

describe('queue: a transport that fails at once', () => {
  it('20,000 waiting requests that each fail synchronously: all reported, no stack overflow', () => {
    let first: TransportOptions | undefined
    const transport = queueLayer(
      (request: TransportOptions) => {
        if (!first) return void (first = request)
        throw new Error('no network')
      },
      { maxConcurrent: 1 },
    )
    let reported = 0
    for (let i = 0; i < 20000; i++) transport({ url, method: 'GET', header: {}, success: () => reported++, fail: () => reported++ })
    first!.success({ statusCode: 200, header: {}, data: new ArrayBuffer(0) })
    expect(reported).toBe(20000)
  })
})
