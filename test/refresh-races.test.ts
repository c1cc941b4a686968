// Token refresh under pressure, through the stack a production mini-program would use: retries and
// the queue over wx.request (fake wx, real HTTP). test/session.test.ts covers the single-client rules.
import { createFunctions, miniProgramTransport, queue, retry, sessionFromStorage, type Feature, type Transport } from '../src'
import { mapStorage, type Gateway } from './helpers/transport-suite'
// eslint-disable-next-line @typescript-eslint/no-var-requires
const { startGateway } = require('../gateway')
// eslint-disable-next-line @typescript-eslint/no-var-requires
const { createWx } = require('./helpers/fake-wx')

const KEY = 'sb-127-auth-token'
let gw: Gateway
let transport: Transport
// The features the app would turn on: the refresh itself goes around them (the client's own transport).
const features: Feature[] = [retry({ delay: 10 }), queue({ maxConcurrent: 8 })]

beforeAll(async () => {
  gw = await startGateway()
  transport = miniProgramTransport(createWx().request)
})
afterAll(() => gw.close())
beforeEach(() => {
  gw.clearRequests()
  gw.setRefreshMode('slow')
  gw.setRefreshDelay(200)
})

/** Storage that counts sign-outs (removals). */
function countingStorage(value: unknown) {
  const storage = Object.assign(mapStorage({ [KEY]: value }), { removals: 0 })
  storage.removeItem = (key: string) => void (storage.removals++, storage.map.delete(key))
  return storage
}

const client = (storage: ReturnType<typeof mapStorage>) =>
  createFunctions({ url: gw.url, anonKey: gw.anonKey, transport, features, accessToken: sessionFromStorage(storage) })
const fifty = (functions: ReturnType<typeof client>) =>
  Promise.all(Array.from({ length: 50 }, (_, i) => functions.invoke('mirror', { method: 'GET', headers: { 'x-i': i } })))

describe('refresh races through retry + queue + wx.request', () => {
  it('50 concurrent calls with an expired session: one refresh, all 50 go out with the new token', async () => {
    const storage = countingStorage(JSON.stringify(gw.createSession({ expiresIn: -60 })))
    const results = await fifty(client(storage))
    expect(gw.refreshRequests()).toHaveLength(1)
    const stored = JSON.parse(storage.map.get(KEY) as string)
    expect(results.every(({ error, data }) => !error && data.headers.authorization === `Bearer ${stored.access_token}`)).toBe(true)
    expect(results.every(({ data }) => data.claims.role === 'authenticated')).toBe(true)
  })

  it('two clients on one storage (two pages), expired session, 25 calls each: one refresh, nobody signed out', async () => {
    const storage = countingStorage(JSON.stringify(gw.createSession({ expiresIn: -60 })))
    const [a, b] = [client(storage), client(storage)]
    const results = (await Promise.all([fifty(a), fifty(b)])).flat()
    expect(storage.removals).toBe(0)
    expect(gw.refreshRequests()).toHaveLength(1)
    expect(results.every(({ error, data }) => !error && data.claims.role === 'authenticated')).toBe(true)
  })

  it('a refresh the server rejects signs out once: one refresh, one removal, the 50 calls go out as anon', async () => {
    gw.setRefreshMode('reject')
    const storage = countingStorage(JSON.stringify(gw.createSession({ expiresIn: -60 })))
    const results = await fifty(client(storage))
    expect(gw.refreshRequests()).toHaveLength(1)
    expect(storage.removals).toBe(1)
    expect(results.every(({ error, data }) => !error && data.claims.role === 'anon')).toBe(true)
  })

  it('a network failure during the refresh keeps the session: one refresh for the 50, then one more once the network is back', async () => {
    gw.setRefreshMode('drop')
    const raw = JSON.stringify(gw.createSession({ expiresIn: -60 }))
    const storage = countingStorage(raw)
    const functions = client(storage)
    const results = await fifty(functions)
    expect(gw.refreshRequests()).toHaveLength(1)
    expect(storage.removals).toBe(0)
    expect(storage.map.get(KEY)).toBe(raw)
    // The expired token went out, and the relay refused it: a typed error, not a sign-out, nor a call as anon.
    expect(results.every(({ error }) => error && error.code === 'RELAY_ERROR')).toBe(true)
    gw.setRefreshMode('ok')
    const again = await fifty(functions)
    expect(gw.refreshRequests()).toHaveLength(2)
    expect(again.every(({ error, data }) => !error && data.claims.role === 'authenticated')).toBe(true)
  })

  it('the refresh (a POST) is never retried, even through the retrying transport', async () => {
    gw.setRefreshMode('error500')
    const storage = countingStorage(JSON.stringify(gw.createSession({ expiresIn: -60 })))
    await client(storage).invoke('mirror', { method: 'GET' })
    expect(gw.refreshRequests()).toHaveLength(1)
  })
})
