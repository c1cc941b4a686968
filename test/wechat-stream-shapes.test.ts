// WeChat streams in the field: the PC client delivers no chunks (the whole body comes in `success`), and
// the mobile clients sometimes merge two chunks into one `onChunkReceived` event. The same API reads the
// same events either way. Real HTTP against the gateway through the fake wx.
import { createFunctions, type EventStream, miniProgramTransport } from '../src'
import type { Gateway } from './helpers/transport-suite'
// eslint-disable-next-line @typescript-eslint/no-var-requires
const { createWx } = require('./helpers/fake-wx')
// eslint-disable-next-line @typescript-eslint/no-var-requires
const { startGateway } = require('../gateway')

let gw: Gateway
beforeAll(async () => {
  gw = await startGateway()
})
afterAll(() => gw.close())

/** Everything one stream gave: its events with when each came, and the text pieces `onChunk` saw. */
async function read(wxOptions: object, name: string) {
  const wx = createWx(wxOptions)
  const functions = createFunctions({ url: gw.url, anonKey: gw.anonKey, transport: miniProgramTransport(wx.request) })
  const started = Date.now()
  const { data: stream, error } = await functions.invoke<EventStream>(name, { stream: true })
  expect(error).toBeNull()
  const events: Array<{ event: string; data: string; at: number }> = []
  const chunks: string[] = []
  await stream!.listen({
    onEvent: ({ event, data }) => events.push({ event, data, at: Date.now() - started }),
    onChunk: (text) => chunks.push(text),
  })
  return { events, chunks, requests: wx.__requests }
}

const expected = (count: number) => [
  ...Array.from({ length: count }, (_, i) => ({
    event: 'message',
    data: JSON.stringify({ index: i + 1, text: `第${i + 1}条消息：你好` }),
  })),
  { event: 'done', data: '[DONE]' },
]
const withoutTimes = (events: Array<{ event: string; data: string }>) => events.map(({ event, data }) => ({ event, data }))

describe('a client that never delivers chunks (WeChat PC)', () => {
  it('asks for chunks, gets none, and still reads every event, at the end, through the same API', async () => {
    const { events, chunks, requests } = await read({ noChunked: true }, 'sse?count=4&interval=150')
    expect(requests[0].enableChunked).toBe(true)
    expect(withoutTimes(events)).toEqual(expected(4))
    // The gateway took 600 ms to write them: all arrived together, once the request completed.
    expect(events[0].at).toBeGreaterThan(500)
    expect(events[4].at - events[0].at).toBeLessThan(100)
    expect(chunks).toHaveLength(1)
  })

  it('Chinese split across network pieces is whole', async () => {
    const { events, chunks } = await read({ noChunked: true }, 'sse?count=3&interval=5&split=20')
    expect(withoutTimes(events)).toEqual(expected(3))
    expect(chunks.join('')).not.toContain('\ufffd')
  })
})

describe('merged chunks (WeChat iOS and Android)', () => {
  it('two network pieces in one event parse the same as one piece per event', async () => {
    const separate = await read({}, 'sse?count=6&interval=40')
    const merged = await read({ mergeChunks: 2 }, 'sse?count=6&interval=40')
    expect(withoutTimes(merged.events)).toEqual(expected(6))
    expect(withoutTimes(merged.events)).toEqual(withoutTimes(separate.events))
    // Merging really happened: about half as many pieces, and still several of them before the end.
    expect(merged.chunks.length).toBeLessThan(separate.chunks.length)
    expect(merged.chunks.length).toBeGreaterThan(2)
  })

  it('a merged piece that ends inside an event, or inside a Chinese character, continues in the next one', async () => {
    // Each event is written in two pieces split inside 消: merged in twos, every piece boundary falls mid-event.
    for (const mergeChunks of [2, 3]) {
      const { events, chunks } = await read({ mergeChunks }, 'sse?count=4&interval=30&split=15')
      expect(withoutTimes(events)).toEqual(expected(4))
      expect(chunks.join('')).not.toContain('\ufffd')
      expect(chunks.length).toBeGreaterThan(1)
    }
  })

  it('every piece merged into one event at the end reads the same', async () => {
    const { events, chunks } = await read({ mergeChunks: 1000 }, 'sse?count=5&interval=10')
    expect(withoutTimes(events)).toEqual(expected(5))
    expect(chunks).toHaveLength(1)
  })
})
