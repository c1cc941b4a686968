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
