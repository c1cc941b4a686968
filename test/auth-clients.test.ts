// Sessions from the real auth clients users have — @supabase/supabase-js and the seed SDK
// (supabase-wechat-stable-v2) — against the repo's gateway, whose GoTrue-compatible endpoint rotates
// refresh tokens: each client signs in, mp-functions calls as that user, either side refreshes, the two
// race, and afterwards each client still reads its session back.
import { createClient } from '@supabase/supabase-js'
import { createFunctions, fetchTransport, miniProgramTransport, sessionFromStorage, type Transport } from '../src'
import type { Gateway } from './helpers/transport-suite'
// eslint-disable-next-line @typescript-eslint/no-var-requires
const { startGateway } = require('../gateway')
// eslint-disable-next-line @typescript-eslint/no-var-requires
const { createWx } = require('./helpers/fake-wx')

const KEY = 'sb-127-auth-token'
let gw: Gateway

beforeAll(async () => {
  gw = await startGateway()
})
afterAll(() => gw.close())
beforeEach(() => {
  gw.clearRequests()
  gw.setRefreshMode('ok')
  gw.setReuseInterval(0)
})

/** A stand-in for the WebSocket that supabase-js's realtime client looks for; never connected here. */
class NoWebSocket {
  constructor() {
    throw new Error('no realtime in these tests')
  }
}

/** localStorage as supabase-js uses it in a browser: strings in, strings out. */
function browserStorage() {
  const map = new Map<string, string>()
  return {
    map,
    getItem: (key: string) => (map.has(key) ? (map.get(key) as string) : null),
    setItem: (key: string, value: string) => void map.set(key, value),
    removeItem: (key: string) => void map.delete(key),
  }
}

/**
 * A user signed in with supabase-js whose stored session is about to expire, and a gateway that
 * answers refreshes 200 ms late: two refreshes started 50 ms apart race with the same refresh token.
 */
async function signedInBeforeARace() {
  const storage = browserStorage()
  const supabase = supabaseWith(storage)
  await supabase.auth.signInWithPassword({ email: 'demo@example.com', password: 'password' })
  expireStored(storage)
  gw.setRefreshMode('slow')
  gw.setRefreshDelay(200)
  return { storage, supabase }
}

const supabaseWith = (storage: ReturnType<typeof browserStorage>) =>
  createClient(gw.url, gw.anonKey, {
    auth: { storage, autoRefreshToken: false, persistSession: true, detectSessionInUrl: false },
    // Node 20 has no WebSocket, which supabase-js's realtime client insists on at start-up; no test subscribes.
    realtime: { transport: NoWebSocket as unknown as typeof WebSocket },
  })

const functionsWith = (
  storage: { getItem(key: string): unknown; setItem(key: string, value: unknown): unknown; removeItem(key: string): unknown },
  transport: Transport = fetchTransport(),
) => createFunctions({ url: gw.url, anonKey: gw.anonKey, transport, accessToken: sessionFromStorage(storage) })

/** The Bearer token a call went out with (the gateway's mirror function echoes it). */
async function callerToken(functions: ReturnType<typeof functionsWith>) {
  const { data, error } = await functions.invoke('mirror')
  if (error) throw error
  return (data.headers.authorization as string).replace('Bearer ', '')
}

/** Who a call went out as, by the claims the gateway verified. */
async function callerEmail(functions: ReturnType<typeof functionsWith>) {
  const { data, error } = await functions.invoke('mirror')
  if (error) throw error
  return data.claims.email || data.claims.role
}

/** The refreshes mp-functions sent (supabase-js and the seed send x-client-info). */
const ourRefreshes = () =>
  gw.refreshRequests().filter((request: { headers: Record<string, string> }) => !request.headers['x-client-info']).length

/** Marks the stored session as expiring, as time would: both clients then refresh before using it. */
function expireStored(storage: { map: Map<string, string> }) {
  const session = JSON.parse(storage.map.get(KEY) as string)
  storage.map.set(KEY, JSON.stringify({ ...session, expires_at: Math.floor(Date.now() / 1000) + 5 }))
  return session
}

describe('@supabase/supabase-js 2.119.1', () => {
  it('signs in; mp-functions calls as that user, from the plain JSON supabase-js stores', async () => {
    const storage = browserStorage()
    const { data, error } = await supabaseWith(storage).auth.signInWithPassword({ email: 'demo@example.com', password: 'password' })
    expect(error).toBeNull()
    expect(typeof storage.map.get(KEY)).toBe('string')
    expect(await callerToken(functionsWith(storage))).toBe(data.session?.access_token)
  })

  it('mp-functions refreshes; supabase-js reads the refreshed session back, in its own form', async () => {
    const storage = browserStorage()
    const supabase = supabaseWith(storage)
    await supabase.auth.signInWithPassword({ email: 'demo@example.com', password: 'password' })
    const before = expireStored(storage)
    const token = await callerToken(functionsWith(storage))
    expect(ourRefreshes()).toBe(1)
    const written = JSON.parse(storage.map.get(KEY) as string)
    expect(written.refresh_token).not.toBe(before.refresh_token)
    expect(written.access_token).toBe(token)
    const { data } = await supabaseWith(storage).auth.getSession()
    expect(data.session?.refresh_token).toBe(written.refresh_token)
    expect(data.session?.user.email).toBe('demo@example.com')
  })

  it('supabase-js refreshes; mp-functions calls with the rotated session without refreshing again', async () => {
    const storage = browserStorage()
    const supabase = supabaseWith(storage)
    await supabase.auth.signInWithPassword({ email: 'demo@example.com', password: 'password' })
    const { data } = await supabase.auth.refreshSession()
    expect(await callerToken(functionsWith(storage))).toBe(data.session?.access_token)
    expect(ourRefreshes()).toBe(0)
  })

  it('a race with no reuse interval, supabase-js first: mp-functions loses, takes supabase-js’s session, signs no one out', async () => {
    const { storage, supabase } = await signedInBeforeARace()
    // Both leave with the same refresh token; supabase-js's reaches the server first and wins.
    const theirs = supabase.auth.refreshSession()
    await new Promise((resolve) => setTimeout(resolve, 50))
    const ours = callerToken(functionsWith(storage))
    const [{ data }, token] = await Promise.all([theirs, ours])
    expect(ourRefreshes()).toBe(1)
    expect(data.session).not.toBeNull()
    // Ours was refused (the token was spent), yet the call went out as the user, and nothing was removed.
    expect(token).not.toBe(gw.anonKey)
    expect(JSON.parse(storage.map.get(KEY) as string).refresh_token).toBe(data.session?.refresh_token)
    gw.setRefreshMode('ok')
    const { data: after } = await supabaseWith(storage).auth.getSession()
    expect(after.session?.refresh_token).toBe(data.session?.refresh_token)
    expect(await callerEmail(functionsWith(storage))).toBe('demo@example.com')
  })

  it.each(['supabase-js', 'mp-functions'])(
    'a race with GoTrue’s default 10 s reuse interval, %s first: both end signed in, on one session',
    async (first) => {
      gw.setReuseInterval(10)
      const { storage, supabase } = await signedInBeforeARace()
      const start = (side: string) => (side == 'supabase-js' ? supabase.auth.refreshSession() : callerToken(functionsWith(storage)))
      const early = start(first)
      await new Promise((resolve) => setTimeout(resolve, 50))
      const late = start(first == 'supabase-js' ? 'mp-functions' : 'supabase-js')
      await Promise.all([early, late])
      gw.setRefreshMode('ok')
      const { data } = await supabaseWith(storage).auth.getSession()
      expect(data.session?.user.email).toBe('demo@example.com')
      expect(await callerEmail(functionsWith(storage))).toBe('demo@example.com')
    },
  )

  it('a rate-limited refresh (429) signs no one out: supabase-js still has its session', async () => {
    const storage = browserStorage()
    const supabase = supabaseWith(storage)
    const { data: signedIn } = await supabase.auth.signInWithPassword({ email: 'demo@example.com', password: 'password' })
    expireStored(storage)
    gw.setRefreshMode('ratelimit')
    // Still valid for a few seconds: the call goes out as the user.
    expect(await callerToken(functionsWith(storage))).toBe(signedIn.session?.access_token)
    expect(storage.map.has(KEY)).toBe(true)
    gw.setRefreshMode('ok')
    const { data } = await supabaseWith(storage).auth.getSession()
    expect(data.session?.user.email).toBe('demo@example.com')
  })
})

describe('supabase-wechat-stable-v2 2.2.0 (the seed SDK) on WeChat', () => {
  let wx: any
  beforeEach(() => {
    wx = (global as any).wx = createWx()
  })
  afterEach(() => {
    delete (global as any).wx
    wx.__close()
  })

  // The seed reads and writes wx storage itself, as JSON text.
  const wxStorage = () => ({
    getItem: (key: string) => wx.getStorageSync(key),
    setItem: (key: string, value: unknown) => wx.setStorageSync(key, value),
    removeItem: (key: string) => wx.removeStorageSync(key),
  })
  const seed = () => {
    const { createClient: createSeedClient } = require('supabase-wechat-stable-v2')
    return createSeedClient(gw.url, gw.anonKey, { auth: { autoRefreshToken: false, persistSession: true, detectSessionInUrl: false } })
  }

  it('signs in; mp-functions calls as that user; refreshes; the seed reads the refreshed session back', async () => {
    const { data, error } = await seed().auth.signInWithPassword({ email: 'demo@example.com', password: 'password' })
    expect(error).toBeNull()
    const functions = functionsWith(wxStorage(), miniProgramTransport(wx.request))
    expect(await callerToken(functions)).toBe(data.session.access_token)
    const stored = JSON.parse(wx.getStorageSync(KEY))
    wx.setStorageSync(KEY, JSON.stringify({ ...stored, expires_at: Math.floor(Date.now() / 1000) + 5 }))
    const token = await callerToken(functions)
    // Written back as the seed wrote it: JSON text, with the rotated refresh token.
    expect(typeof wx.getStorageSync(KEY)).toBe('string')
    const written = JSON.parse(wx.getStorageSync(KEY))
    expect(written.refresh_token).not.toBe(stored.refresh_token)
    expect(written.access_token).toBe(token)
    const { data: after } = await seed().auth.getSession()
    expect(after.session.refresh_token).toBe(written.refresh_token)
  })

  it('a race with no reuse interval, the seed first: mp-functions loses, takes the seed’s session, removes nothing', async () => {
    const client = seed()
    await client.auth.signInWithPassword({ email: 'demo@example.com', password: 'password' })
    const stored = JSON.parse(wx.getStorageSync(KEY))
    wx.setStorageSync(KEY, JSON.stringify({ ...stored, expires_at: Math.floor(Date.now() / 1000) + 5 }))
    gw.setRefreshMode('slow')
    gw.setRefreshDelay(200)
    const theirs = client.auth.refreshSession()
    await new Promise((resolve) => setTimeout(resolve, 50))
    const ours = callerToken(functionsWith(wxStorage(), miniProgramTransport(wx.request)))
    const [{ data }, token] = await Promise.all([theirs, ours])
    // One refresh each (both go through wx.request); ours was refused, yet the call went out as the user.
    expect(gw.refreshRequests()).toHaveLength(2)
    expect(token).not.toBe(gw.anonKey)
    expect(JSON.parse(wx.getStorageSync(KEY)).refresh_token).toBe(data.session.refresh_token)
    gw.setRefreshMode('ok')
    const { data: after } = await seed().auth.getSession()
    expect(after.session.refresh_token).toBe(data.session.refresh_token)
  })
})
