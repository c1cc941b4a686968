import { createFunctions, fetchTransport, sessionFromStorage } from '../src'
import { mapStorage, type Gateway } from './helpers/transport-suite'
// eslint-disable-next-line @typescript-eslint/no-var-requires
const { startGateway } = require('../gateway')

const KEY = 'sb-127-auth-token'
let gw: Gateway

beforeAll(async () => {
  gw = await startGateway()
})
afterAll(() => gw.close())
beforeEach(() => {
  gw.clearRequests()
  gw.setRefreshMode('ok')
})

function client(storage: ReturnType<typeof mapStorage>, storageKey?: string) {
  return createFunctions({
    url: gw.url,
    anonKey: gw.anonKey,
    transport: fetchTransport(),
    accessToken: sessionFromStorage(storage, { storageKey }),
  })
}

const bearerSeen = async (functions: ReturnType<typeof client>) => {
  const { data, error } = await functions.invoke('mirror')
  if (error) throw error
  return data.headers.authorization.replace('Bearer ', '')
}

describe('reading the session', () => {
  it('derives the key from the project URL’s first host label, as supabase-js does', async () => {
    const session = gw.createSession()
    expect(await bearerSeen(client(mapStorage({ [KEY]: JSON.stringify(session) })))).toBe(session.access_token)
  })

  it('takes a custom storageKey', async () => {
    const session = gw.createSession()
    expect(await bearerSeen(client(mapStorage({ custom: JSON.stringify(session) }), 'custom'))).toBe(session.access_token)
  })

  it('reads a session stored as an object too (Taro/uni storage unwrap it that way)', async () => {
    const session = gw.createSession()
    expect(await bearerSeen(client(mapStorage({ [KEY]: session })))).toBe(session.access_token)
  })

  it.each([
    ['missing (wx gives "")', ''],
    ['not JSON', '{not json'],
    ['JSON of the wrong shape', JSON.stringify({ token: 'x' })],
    ['an empty access token', JSON.stringify({ access_token: '' })],
    ['a number', 42],
    ['null', null],
    ['an array', '[]'],
  ])('a session that is %s means signed out: the anon key goes', async (_, stored) => {
    expect(await bearerSeen(client(mapStorage({ [KEY]: stored })))).toBe(gw.anonKey)
  })

  it('storage that throws means signed out, not a failed call', async () => {
    const storage = {
      getItem: () => {
        throw new Error('storage broken')
      },
      setItem() {},
      removeItem() {},
    }
    expect(await bearerSeen(client(storage as any))).toBe(gw.anonKey)
  })

  it('async storage works', async () => {
    const session = gw.createSession()
    const storage = {
      getItem: async () => JSON.stringify(session),
      setItem: async () => undefined,
      removeItem: async () => undefined,
    }
    expect(await bearerSeen(client(storage as any))).toBe(session.access_token)
  })

  it('one storage read per call, and no JSON parse of the session while it has not changed', async () => {
    const session = JSON.stringify(gw.createSession())
    const storage = mapStorage({ [KEY]: session })
    let reads = 0
    const counting = { ...storage, getItem: (key: string) => (reads++, storage.getItem(key)) }
    const functions = client(counting)
    const parse = jest.spyOn(JSON, 'parse')
    try {
      for (let i = 0; i < 5; i++) await functions.invoke('text')
      expect(reads).toBe(5)
      expect(parse.mock.calls.filter(([text]) => text === session)).toHaveLength(1)
      // A new session in storage (another sign-in) is picked up on the next call.
      const next = gw.createSession()
      storage.map.set(KEY, JSON.stringify(next))
      expect(await bearerSeen(functions)).toBe(next.access_token)
    } finally {
      parse.mockRestore()
    }
  })
})

describe('refreshing', () => {
  it('refreshes a session within 30 s of expiry, not one with longer to live', async () => {
    const fresh = gw.createSession({ expiresIn: 120 })
    await bearerSeen(client(mapStorage({ [KEY]: JSON.stringify(fresh) })))
    expect(gw.refreshRequests()).toHaveLength(0)
    const expiring = gw.createSession({ expiresIn: 20 })
    const token = await bearerSeen(client(mapStorage({ [KEY]: JSON.stringify(expiring) })))
    expect(gw.refreshRequests()).toHaveLength(1)
    expect(token).not.toBe(expiring.access_token)
  })

  it('sends the refresh to the project with the anon key, as the auth client does', async () => {
    await bearerSeen(client(mapStorage({ [KEY]: JSON.stringify(gw.createSession({ expiresIn: 0 })) })))
    const [refresh] = gw.refreshRequests()
    expect(refresh.headers.apikey).toBe(gw.anonKey)
    expect(refresh.headers.authorization).toBe(`Bearer ${gw.anonKey}`)
    expect(refresh.query).toEqual({ grant_type: 'refresh_token' })
  })

  it('50 concurrent calls with an expired session make exactly one refresh', async () => {
    gw.setRefreshMode('slow')
    const storage = mapStorage({ [KEY]: JSON.stringify(gw.createSession({ expiresIn: -60 })) })
    const functions = client(storage)
    const results = await Promise.all(Array.from({ length: 50 }, () => functions.invoke('mirror')))
    expect(gw.refreshRequests()).toHaveLength(1)
    const stored = JSON.parse(storage.map.get(KEY) as string)
    expect(results.every(({ data }) => data.headers.authorization === `Bearer ${stored.access_token}`)).toBe(true)
  })

  it('a call that read the old session after the refresh joins it instead of spending the used refresh token', async () => {
    const old = JSON.stringify(gw.createSession({ expiresIn: -60 }))
    const storage = mapStorage({ [KEY]: old })
    const functions = client(storage)
    const first = await bearerSeen(functions)
    // Another page (or a stale storage copy) still holds the old session.
    storage.map.set(KEY, old)
    expect(await bearerSeen(functions)).toBe(first)
    expect(gw.refreshRequests()).toHaveLength(1)
  })

  it('writes the new session back in the format it read: a JSON string stays a string, an object an object', async () => {
    const asString = mapStorage({ [KEY]: JSON.stringify(gw.createSession({ expiresIn: -1 })) })
    await bearerSeen(client(asString))
    expect(typeof asString.map.get(KEY)).toBe('string')
    expect(JSON.parse(asString.map.get(KEY) as string).expires_at).toBeGreaterThan(Date.now() / 1000)
    const asObject = mapStorage({ [KEY]: gw.createSession({ expiresIn: -1 }) })
    await bearerSeen(client(asObject))
    expect(typeof asObject.map.get(KEY)).toBe('object')
    expect((asObject.map.get(KEY) as any).access_token).toBeTruthy()
  })

  it('a refresh the server rejects signs the user out once; the call goes out with the anon key', async () => {
    gw.setRefreshMode('reject')
    const storage = mapStorage({ [KEY]: JSON.stringify(gw.createSession({ expiresIn: -1 })) })
    const functions = client(storage)
    const tokens = await Promise.all(Array.from({ length: 10 }, () => bearerSeen(functions)))
    expect(tokens.every((token) => token === gw.anonKey)).toBe(true)
    expect(storage.map.has(KEY)).toBe(false)
    expect(gw.refreshRequests()).toHaveLength(1)
  })

  it.each(['drop', 'error500'])(
    'a refresh that fails for a network reason (%s) keeps the session and is retried next call',
    async (mode) => {
      gw.setRefreshMode(mode)
      const session = gw.createSession({ expiresIn: 20 })
      const storage = mapStorage({ [KEY]: JSON.stringify(session) })
      const functions = client(storage)
      // Still valid for 20 s: the call goes out with the current token.
      expect(await bearerSeen(functions)).toBe(session.access_token)
      expect(storage.map.get(KEY)).toBe(JSON.stringify(session))
      gw.setRefreshMode('ok')
      expect(await bearerSeen(functions)).not.toBe(session.access_token)
      expect(gw.refreshRequests()).toHaveLength(2)
    },
  )

  it('without a project URL there is nothing to refresh against: the stored token is used as is', async () => {
    const session = gw.createSession({ expiresIn: 10 })
    const functions = createFunctions({
      functionsUrl: `${gw.url}/mf-demo`,
      anonKey: gw.anonKey,
      transport: fetchTransport(),
      accessToken: sessionFromStorage(mapStorage({ custom: JSON.stringify(session) }), { storageKey: 'custom' }),
    })
    const { data } = await functions.invoke('mirror')
    expect(data.headers.authorization).toBe(`Bearer ${session.access_token}`)
    expect(gw.refreshRequests()).toHaveLength(0)
  })
})

describe('the forms a session is stored in, and written back in', () => {
  // [label, how the auth client or framework stored it, how to read the session back out of what is stored]
  const forms: Array<[string, (session: object) => unknown, (stored: any) => any]> = [
    ['JSON text (supabase-js, the seed SDK)', (session) => JSON.stringify(session), (stored) => JSON.parse(stored)],
    ['an object (wx and uni storage)', (session) => session, (stored) => stored],
    [
      'Taro H5’s {"data": …} wrapper, read raw from localStorage',
      (session) => JSON.stringify({ data: session }),
      (stored) => JSON.parse(stored).data,
    ],
    [
      'Taro H5’s wrapper around JSON text',
      (session) => JSON.stringify({ data: JSON.stringify(session) }),
      (stored) => JSON.parse(JSON.parse(stored).data),
    ],
    [
      'uni-app H5’s {"type","data"} wrapper, read raw',
      (session) => JSON.stringify({ type: 'object', data: session }),
      (stored) => JSON.parse(stored).data,
    ],
  ]

  it.each(forms)('%s: is the caller’s identity, and a refreshed session goes back in that form', async (_, store, read) => {
    const session = gw.createSession({ expiresIn: -5 })
    const storage = mapStorage({ [KEY]: store(session) })
    const token = await bearerSeen(client(storage))
    expect(token).not.toBe(gw.anonKey)
    const written = storage.map.get(KEY)
    expect(typeof written).toBe(typeof store(session))
    const refreshed = read(written)
    expect(refreshed.access_token).toBe(token)
    expect(refreshed.refresh_token).not.toBe(session.refresh_token)
    // The same wrapper, nothing else around it.
    expect(JSON.stringify(store({ ...refreshed }))).toBe(JSON.stringify(written))
  })
})

describe('only the server refusing the refresh token signs the user out', () => {
  it('a rate-limited refresh (429) keeps the session: its token goes out (an expired one gets the relay’s typed refusal), and the session stays stored', async () => {
    gw.setRefreshMode('ratelimit')
    const live = gw.createSession({ expiresIn: 20 })
    const liveStorage = mapStorage({ [KEY]: JSON.stringify(live) })
    expect(await bearerSeen(client(liveStorage))).toBe(live.access_token)
    expect(liveStorage.map.get(KEY)).toBe(JSON.stringify(live))
    const expired = gw.createSession({ expiresIn: -5 })
    const expiredStorage = mapStorage({ [KEY]: JSON.stringify(expired) })
    const { error } = await client(expiredStorage).invoke('mirror')
    expect(error!.code).toBe('RELAY_ERROR')
    expect(expiredStorage.map.get(KEY)).toBe(JSON.stringify(expired))
    // Once the server answers again, the kept session refreshes.
    gw.setRefreshMode('ok')
    const token = await bearerSeen(client(expiredStorage))
    expect(token).not.toBe(gw.anonKey)
    expect(JSON.parse(expiredStorage.map.get(KEY) as string).access_token).toBe(token)
  })

  it('a refused refresh after another client rotated the session uses the new session and removes nothing', async () => {
    gw.setRefreshMode('reject')
    const old = gw.createSession({ expiresIn: -5 })
    const rotated = gw.createSession()
    const storage = mapStorage({ [KEY]: JSON.stringify(old) })
    let reads = 0
    const getItem = storage.getItem
    storage.getItem = (key: string) => {
      // The auth client stores its rotated session while our refresh is on its way.
      if (reads++ == 1) storage.map.set(KEY, JSON.stringify(rotated))
      return getItem(key)
    }
    expect(await bearerSeen(client(storage))).toBe(rotated.access_token)
    expect(storage.map.get(KEY)).toBe(JSON.stringify(rotated))
    expect(gw.refreshRequests()).toHaveLength(1)
  })

  it('a refresh token reused after the reuse interval is refused (refresh_token_already_used): signed out', async () => {
    const session = gw.createSession({ expiresIn: -5 })
    // Another client spent this refresh token already.
    const other = await fetch(`${gw.url}/auth/v1/token?grant_type=refresh_token`, {
      method: 'POST',
      headers: { apikey: gw.anonKey, 'content-type': 'application/json' },
      body: JSON.stringify({ refresh_token: session.refresh_token }),
    })
    expect(other.status).toBe(200)
    const storage = mapStorage({ [KEY]: JSON.stringify(session) })
    expect(await bearerSeen(client(storage))).toBe(gw.anonKey)
    expect(storage.map.has(KEY)).toBe(false)
  })

  it('within the reuse interval (GoTrue’s default 10 s) a reused refresh token gets the session it was exchanged for', async () => {
    gw.setReuseInterval(10)
    try {
      const session = gw.createSession({ expiresIn: -5 })
      const answer = await fetch(`${gw.url}/auth/v1/token?grant_type=refresh_token`, {
        method: 'POST',
        headers: { apikey: gw.anonKey, 'content-type': 'application/json' },
        body: JSON.stringify({ refresh_token: session.refresh_token }),
      })
      const first = await answer.json()
      const storage = mapStorage({ [KEY]: JSON.stringify(session) })
      expect(await bearerSeen(client(storage))).toBe(first.access_token)
      expect(JSON.parse(storage.map.get(KEY) as string).refresh_token).toBe(first.refresh_token)
    } finally {
      gw.setReuseInterval(0)
    }
  })

  it('a 4xx that is not about the refresh token (a missing apikey, say) keeps the session', async () => {
    const session = gw.createSession({ expiresIn: 20 })
    const storage = mapStorage({ [KEY]: JSON.stringify(session) })
    const functions = createFunctions({
      url: gw.url,
      anonKey: 'not-the-anon-key',
      transport: fetchTransport(),
      accessToken: sessionFromStorage(storage),
    })
    const { data } = await functions.invoke('mirror')
    expect(data.headers.authorization).toBe(`Bearer ${session.access_token}`)
    expect(storage.map.get(KEY)).toBe(JSON.stringify(session))
  })
})
