import { createFunctions, fetchTransport } from '../src'
import { describeTransport } from './helpers/transport-suite'

describeTransport('fetchTransport()', () => fetchTransport())

describe('fetchTransport', () => {
  it('with no fetch on the platform, fails with a message that says what to pass', async () => {
    const saved = globalThis.fetch
    delete (globalThis as any).fetch
    try {
      const functions = createFunctions({ url: 'http://127.0.0.1:9', transport: fetchTransport() })
      const { error } = await functions.invoke('x')
      expect(error!.code).toBe('NETWORK_ERROR')
      expect((error!.context as Error).message).toMatch(/pass fetchTransport\(\{ fetch \}\)/)
    } finally {
      globalThis.fetch = saved
    }
  })

  it('uses the fetch it is given', async () => {
    const calls: any[] = []
    const fake = async (url: string, init: any) => {
      calls.push([url, init])
      return new Response('hi', { headers: { 'Content-Type': 'text/plain' } })
    }
    const functions = createFunctions({ url: 'https://a.supabase.co', anonKey: 'k', transport: fetchTransport({ fetch: fake }) })
    expect((await functions.invoke('x', { body: 'b' })).data).toBe('hi')
    expect(calls[0][0]).toBe('https://a.supabase.co/functions/v1/x')
    expect(calls[0][1]).toMatchObject({ method: 'POST', body: 'b', headers: { apikey: 'k', 'Content-Type': 'text/plain' } })
  })
})

describe('fetchTransport: which requests carry an AbortSignal', () => {
  const seen: any[] = []
  let answer: (response: Response) => void
  const pending = async (_url: string, init: any) => {
    seen.push(init)
    return new Promise<Response>((resolve) => (answer = resolve))
  }
  const send = (extra: object) => {
    const calls: any[] = []
    const task = fetchTransport({ fetch: pending })({
      url: 'https://a.supabase.co/functions/v1/x',
      method: 'POST',
      header: {},
      success: (response) => calls.push(['success', response]),
      fail: (error, code) => calls.push(['fail', code, error]),
      ...extra,
    }) as { abort(): void }
    return { task, calls }
  }
  beforeEach(() => (seen.length = 0))

  it.each([
    ['a timeout', { timeout: 5000 }],
    ['the call’s signal', { call: { signal: new AbortController().signal } }],
    ['a call that asks for a stream', { call: { stream: true }, enableChunked: true, onHeaders() {}, onChunk() {} }],
  ])('%s: a signal, and abort() cuts the request', async (_label, extra) => {
    const { task } = send(extra)
    expect(seen[0].signal).toBeDefined()
    task.abort()
    expect(seen[0].signal.aborted).toBe(true)
  })

  it('nothing can cancel it: no signal (undici charges for one); abort() still ends it at once, and the late answer is dropped', async () => {
    const { task, calls } = send({})
    expect(seen[0].signal).toBeUndefined()
    task.abort()
    expect(calls).toEqual([['fail', 'ABORTED', expect.any(Error)]])
    answer(new Response('late'))
    await new Promise((resolve) => setTimeout(resolve, 10))
    expect(calls).toHaveLength(1)
  })
})

describe('fetchTransport: platform bodies (H5)', () => {
  let gw: any
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  const { startGateway } = require('../gateway')
  beforeAll(async () => {
    gw = await startGateway()
  })
  afterAll(() => gw.close())
  const client = () => createFunctions({ url: gw.url, anonKey: gw.anonKey, transport: fetchTransport() })

  it('FormData goes as multipart with the boundary fetch adds', async () => {
    const form = new FormData()
    form.append('name', '世界')
    form.append('file', new Blob(['abc'], { type: 'text/plain' }), 'a.txt')
    const { data } = await client().invoke('mirror', { body: form })
    expect(data.contentType).toMatch(/^multipart\/form-data; boundary=/)
    expect(data.bodyText).toContain('世界')
    expect(data.bodyText).toContain('filename="a.txt"')
  })

  it('a Blob goes as its bytes with its own type', async () => {
    const { data } = await client().invoke('mirror', { body: new Blob([new Uint8Array([1, 2, 250])], { type: 'image/png' }) })
    expect(data.contentType).toBe('image/png')
    expect(data.bodyBase64).toBe(Buffer.from([1, 2, 250]).toString('base64'))
  })
})
