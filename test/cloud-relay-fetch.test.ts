// cloudRelayFetch: the real supabase-js signs in through the relay (wx.cloud stand-in running the shipped
// relay cloud function against the gateway), and mp-functions calls as that user through the relay too:
// nothing goes through wx.request.
import { createClient } from '@supabase/supabase-js'
import { cloudRelay, cloudRelayFetch, createFunctions, miniProgramTransport, sessionFromStorage } from '../src'
import { closeRelays, wxWithRelay } from './helpers/cloud-relay'
import type { Gateway } from './helpers/transport-suite'
// eslint-disable-next-line @typescript-eslint/no-var-requires
const { startGateway } = require('../gateway')

/** A stand-in for the WebSocket that supabase-js's realtime client looks for; never connected here. */
class NoWebSocket {
  constructor() {
    throw new Error('no realtime in these tests')
  }
}

let gw: Gateway
let env: Record<string, string>
let wx: any

beforeAll(async () => {
  gw = await startGateway()
  wx = wxWithRelay(() => env)
})
afterAll(async () => {
  closeRelays()
  await gw.close()
})
beforeEach(() => {
  env = { RELAY_ORIGINS: gw.url, RELAY_PATHS: '/functions/v1/,/auth/v1/' }
  gw.clearRequests()
})

function supabaseThroughRelay() {
  const map = new Map<string, string>()
  const storage = {
    getItem: (key: string) => (map.has(key) ? (map.get(key) as string) : null),
    setItem: (key: string, value: string) => void map.set(key, value),
    removeItem: (key: string) => void map.delete(key),
  }
  const supabase = createClient(gw.url, gw.anonKey, {
    auth: { storage, autoRefreshToken: false, persistSession: true },
    global: { fetch: cloudRelayFetch({ cloud: wx.cloud }) as unknown as typeof fetch },
    realtime: { transport: NoWebSocket as any },
  })
  return { supabase, storage }
}

it('supabase-js 2.119.1 signs in through the relay; mp-functions calls as that user through it; wx.request is never used', async () => {
  const { supabase, storage } = supabaseThroughRelay()
  const { data, error } = await supabase.auth.signInWithPassword({ email: 'demo@example.com', password: 'password' })
  expect(error).toBeNull()
  const functions = createFunctions({
    url: gw.url,
    anonKey: gw.anonKey,
    transport: miniProgramTransport(wx.request),
    accessToken: sessionFromStorage(storage),
    features: [cloudRelay({ cloud: wx.cloud })],
  })
  const { data: mirrored } = await functions.invoke('mirror')
  expect(mirrored.headers.authorization).toBe(`Bearer ${data.session!.access_token}`)
  expect((await supabase.auth.getUser()).data.user!.email).toBe('demo@example.com')
  expect(wx.__requests).toHaveLength(0)
  expect(wx.cloud.__calls.map((call: any) => new URL(call.event.url).pathname)).toEqual([
    '/auth/v1/token',
    '/functions/v1/mirror',
    '/auth/v1/user',
  ])
})

it('a wrong password is supabase-js’s own error (the HTTP answer came through); a refused path rejects like fetch, with the relay’s reason', async () => {
  const { supabase } = supabaseThroughRelay()
  const wrong = await supabase.auth.signInWithPassword({ email: 'demo@example.com', password: 'nope' })
  expect(wrong.error!.status).toBe(400)
  env = { RELAY_ORIGINS: gw.url }
  const relayFetch = cloudRelayFetch({ cloud: wx.cloud })
  await expect(relayFetch(`${gw.url}/auth/v1/user`)).rejects.toThrow(/PATH_NOT_ALLOWED.*\/auth\/v1\/user is not under RELAY_PATHS/)
  expect(gw.requests).toHaveLength(1)
})

it('headers as Headers or pairs, bytes as a typed array, and an aborted signal: as fetch takes them', async () => {
  const relayFetch = cloudRelayFetch({ cloud: wx.cloud })
  const anon = { apikey: gw.anonKey, authorization: `Bearer ${gw.anonKey}` }
  const response = await relayFetch(`${gw.url}/functions/v1/mirror`, {
    method: 'post',
    headers: new Headers({ ...anon, 'X-Trace': 'h' }),
    body: new Uint8Array([1, 2, 3]),
  })
  expect(response.ok).toBe(true)
  const mirrored = await response.json()
  expect(mirrored.headers['x-trace']).toBe('h')
  expect(mirrored.method).toBe('POST')
  const pairs = await relayFetch(`${gw.url}/functions/v1/mirror`, { headers: Object.entries(anon) as Array<[string, string]> })
  expect((await pairs.json()).method).toBe('GET')
  const controller = new AbortController()
  const pending = relayFetch(`${gw.url}/functions/v1/slow?ms=2000`, { headers: anon, signal: controller.signal })
  controller.abort()
  await expect(pending).rejects.toMatchObject({ name: 'AbortError' })
})
