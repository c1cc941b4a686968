import {
  createAbortController,
  createFunctions,
  FunctionsFetchError,
  FunctionsHttpError,
  FunctionsRelayError,
  FunctionsRequestError,
  FunctionsResponseError,
  sessionFromStorage,
  type Transport,
} from '../../src'
// eslint-disable-next-line @typescript-eslint/no-var-requires
const { startGateway } = require('../../gateway')

export type Gateway = Awaited<ReturnType<typeof startGateway>>

/** Polls until `check` holds: the gateway learns of a closed connection a moment after the client. */
export async function eventually(check: () => boolean, ms = 2000) {
  const end = Date.now() + ms
  while (!check()) {
    if (Date.now() > end) throw new Error('condition not met in time')
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
}

export function mapStorage(initial: Record<string, unknown> = {}) {
  const map = new Map(Object.entries(initial))
  return {
    map,
    getItem: (key: string) => (map.has(key) ? map.get(key) : null),
    setItem: (key: string, value: unknown) => void map.set(key, value),
    removeItem: (key: string) => void map.delete(key),
  }
}

/**
 * The same behaviour, over real sockets against the repo's gateway, for every transport: each
 * transport is held to one contract.
 */
/** What a transport cannot do, and what it needs to know. */
export interface TransportLimits {
  /** Called with each origin the suite sends to (for a relay that forwards only to the origins it is told). */
  allowOrigin?(origin: string): void
  /** Whether a cancelled call also aborts the request the server sees; default true. */
  cancelReachesServer?: boolean
  /** The platform sends text bodies only (swan.request): a binary body must be refused before anything is sent. */
  textBodiesOnly?: boolean
}

export function describeTransport(label: string, makeTransport: () => Transport, limits: TransportLimits = {}) {
  describe(`${label} against the gateway`, () => {
    let gw: Gateway
    let transport: Transport
    const client = (options = {}) => createFunctions({ url: gw.url, anonKey: gw.anonKey, transport, ...options })
    const fnRequests = (fn: string) => gw.requests.filter((r: any) => r.fn === fn && r.method !== 'OPTIONS')

    beforeAll(async () => {
      gw = await startGateway()
      if (limits.allowOrigin) limits.allowOrigin(gw.url)
      transport = makeTransport()
    })
    afterAll(() => gw.close())
    beforeEach(() => gw.clearRequests())

    it('calls a function by name with a JSON body, Chinese intact', async () => {
      const { data, error, response } = await client().invoke('hello', { body: { name: '世界' } })
      expect(error).toBeNull()
      expect(data).toEqual({ message: 'Hello 世界!' })
      expect(response!.status).toBe(200)
      expect(response!.headers.get('CONTENT-TYPE')).toMatch(/^application\/json/)
    })

    it('the function receives method, anon key, Bearer, Content-Type and the exact body', async () => {
      const { data } = await client().invoke('mirror/a/b?x=1&y=中', { body: { n: 1, s: '字' }, headers: { 'X-Trace': 't1' } })
      expect(data).toMatchObject({
        method: 'POST',
        sub: 'a/b',
        query: { x: '1', y: '中' },
        contentType: 'application/json',
        bodyText: '{"n":1,"s":"字"}',
        claims: { role: 'anon' },
      })
      expect(data.headers).toMatchObject({ apikey: gw.anonKey, authorization: `Bearer ${gw.anonKey}`, 'x-trace': 't1' })
      const [received] = fnRequests('mirror')
      expect(received.rawHeaders.filter((h: string) => /^authorization$/i.test(h))).toHaveLength(1)
    })

    it('query: percent-encoded after the query in the name, the region last', async () => {
      const query = { q: '中文 & =#?+/', page: 2, draft: false, tag: ['a', 'b'], skipped: undefined, none: null, 'k&=': 'v 1' }
      const { data, error } = await client({ region: 'eu-west-1' }).invoke('mirror/sub?x=1#frag', { method: 'GET', query })
      expect(error).toBeNull()
      expect(data).toMatchObject({ method: 'GET', sub: 'sub' })
      expect(data.query).toEqual({
        x: '1',
        q: '中文 & =#?+/',
        page: '2',
        draft: 'false',
        tag: 'a',
        'k&=': 'v 1',
        forceFunctionRegion: 'eu-west-1',
      })
      const [received] = fnRequests('mirror')
      expect(received.target).toBe(
        '/functions/v1/mirror/sub?x=1&q=%E4%B8%AD%E6%96%87%20%26%20%3D%23%3F%2B%2F&page=2&draft=false&tag=a&tag=b&k%26%3D=v%201&forceFunctionRegion=eu-west-1',
      )
      expect(received.headers['x-region']).toBe('eu-west-1')
    })

    it('a query value that is not a string, finite number or boolean: INVALID_REQUEST, nothing sent', async () => {
      for (const query of [{ filter: { a: 1 } }, { page: NaN }, { when: new Date(0) }]) {
        const { data, error } = await client().invoke('mirror', { query: query as any })
        expect(data).toBeNull()
        expect(error).toBeInstanceOf(FunctionsRequestError)
        expect(error!.code).toBe('INVALID_REQUEST')
        expect(error!.message).toMatch(/^Invalid query "(filter|page|when)"$/)
      }
      expect(fnRequests('mirror')).toHaveLength(0)
    })

    it('GET with a query string and no body', async () => {
      const { data } = await client().invoke('hello?name=小程序', { method: 'GET' })
      expect(data).toEqual({ message: 'Hello 小程序!' })
      expect(fnRequests('hello')[0].body.length).toBe(0)
    })

    it.each(['PUT', 'DELETE'] as const)('%s reaches the function', async (method) => {
      const { data } = await client().invoke('mirror', { method, body: 'x' })
      expect(data.method).toBe(method)
    })

    const binaryBodies = limits.textBodiesOnly
      ? 'refuses binary bodies (INVALID_REQUEST, nothing sent) and gets binary answers back as ArrayBuffers'
      : 'sends binary bodies as their exact bytes and gets binary answers back as ArrayBuffers'
    it(binaryBodies, async () => {
      const bytes = new Uint8Array(1024).map((_, i) => (i * 7) & 255)
      const { data, error } = await client().invoke('binary', { body: bytes.subarray(3, 1000) })
      if (limits.textBodiesOnly) {
        expect(data).toBeNull()
        expect(error).toBeInstanceOf(FunctionsRequestError)
        expect(error!.code).toBe('INVALID_REQUEST')
        expect(fnRequests('binary')).toHaveLength(0)
      } else {
        expect(data).toBeInstanceOf(ArrayBuffer)
        expect(Buffer.from(data).equals(Buffer.from(bytes.subarray(3, 1000)))).toBe(true)
        expect(fnRequests('binary')[0].headers['content-type']).toBe('application/octet-stream')
      }
      const png = await client().invoke('binary?size=300&type=image/png', { method: 'GET' })
      expect(new Uint8Array(png.data)[299]).toBe(299 & 255)
      expect(png.data.byteLength).toBe(300)
    })

    it('text with Chinese and emoji, and +json media types', async () => {
      expect((await client().invoke('text')).data).toBe('你好，世界！🌏 mp-functions')
      const vendor = await client().invoke('text?json=1&type=application/vnd.api%2Bjson')
      expect(vendor.data).toEqual({ text: '你好，世界！🌏' })
    })

    it('a non-2xx answer: FunctionsHttpError with status and the function’s body', async () => {
      const { data, error } = await client().invoke('status/418')
      expect(data).toBeNull()
      expect(error).toBeInstanceOf(FunctionsHttpError)
      expect((error as FunctionsHttpError).status).toBe(418)
      expect((error as FunctionsHttpError).body).toEqual({ error: "I'm a Teapot", code: 418 })
      expect(await error!.context.json()).toEqual({ error: "I'm a Teapot", code: 418 })
      const text = await client().invoke('status?code=500&type=text')
      expect((text.error as FunctionsHttpError).body).toBe('函数出错了: 500')
    })

    it('a bad token: the relay’s error, told apart from the function’s', async () => {
      const functions = client()
      functions.setAuth('not-a-jwt')
      const { error } = await functions.invoke('hello')
      expect(error).toBeInstanceOf(FunctionsRelayError)
      expect((error as FunctionsRelayError).status).toBe(401)
      expect((error as FunctionsRelayError).body).toEqual({ code: 401, message: 'Invalid JWT' })
      expect(fnRequests('hello')).toHaveLength(1)
    })

    it('204 gives ""', async () => {
      expect(await client().invoke('empty')).toMatchObject({ data: '', error: null })
    })

    it('invalid JSON in a JSON answer: FunctionsResponseError, body readable', async () => {
      const { error } = await client().invoke('bad-json')
      expect(error).toBeInstanceOf(FunctionsResponseError)
      expect(await error!.context.text()).toBe('{"oops":')
    })

    it('a timeout ends the call and really aborts the request', async () => {
      const started = Date.now()
      const { error } = await client().invoke('slow?ms=3000', { timeout: 200 })
      expect(error).toBeInstanceOf(FunctionsFetchError)
      expect(error!.code).toBe('TIMEOUT')
      expect(Date.now() - started).toBeLessThan(2000)
      await eventually(() => fnRequests('slow')[0]?.aborted === true)
    })

    const reaches = limits.cancelReachesServer !== false
    it(`cancel (a real AbortController, and ours) ends the call at once${reaches ? ' and really aborts the request' : '; the request runs to its end'}`, async () => {
      for (const controller of [new AbortController(), createAbortController()]) {
        gw.clearRequests()
        const pending = client().invoke(`slow?ms=${reaches ? 3000 : 600}`, { signal: controller.signal })
        await eventually(() => fnRequests('slow').length === 1)
        const cancelled = Date.now()
        controller.abort('user cancelled')
        const { error } = await pending
        expect(Date.now() - cancelled).toBeLessThan(100)
        expect(error!.code).toBe('ABORTED')
        expect(error!.context).toBe('user cancelled')
        if (reaches) await eventually(() => fnRequests('slow')[0].aborted === true)
        else {
          await eventually(() => fnRequests('slow')[0].endSeq !== undefined, 3000)
          expect(fnRequests('slow')[0].aborted).toBe(false)
        }
      }
    })

    it('a connection dropped mid-body is a network error, not a truncated success', async () => {
      const { error, data } = await client().invoke('drop')
      expect(data).toBeNull()
      expect(error).toBeInstanceOf(FunctionsFetchError)
      expect(error!.code).toBe('NETWORK_ERROR')
    })

    it('a refused connection is a network error', async () => {
      const closed = await startGateway()
      await closed.close()
      if (limits.allowOrigin) limits.allowOrigin(closed.url)
      const functions = createFunctions({ url: closed.url, anonKey: gw.anonKey, transport })
      const { error } = await functions.invoke('hello')
      expect(error!.code).toBe('NETWORK_ERROR')
    })

    it('region pinning reaches the function', async () => {
      const { data } = await client({ region: 'ap-northeast-1' }).invoke('mirror')
      expect(data.query).toEqual({ forceFunctionRegion: 'ap-northeast-1' })
      expect(data.headers['x-region']).toBe('ap-northeast-1')
    })

    it('MemFire: a full 访问地址 with one line of trustedOrigins, or bare names with functionsUrl', async () => {
      const address = `${gw.url}/mf-demo/hello?name=MemFire`
      const projectElsewhere = { url: 'https://ref.baseapi.memfiredb.com' }
      const untrusted = await client(projectElsewhere).invoke(address, { method: 'GET' })
      expect(untrusted.error).toBeInstanceOf(FunctionsRequestError)
      expect(gw.requests).toHaveLength(0)
      const trusted = await client({ ...projectElsewhere, trustedOrigins: [gw.url] }).invoke(address, { method: 'GET' })
      expect(trusted.data).toEqual({ message: 'Hello MemFire!' })
      const named = await client({ functionsUrl: `${gw.url}/mf-demo` }).invoke('hello?name=云函数', { method: 'GET' })
      expect(named.data).toEqual({ message: 'Hello 云函数!' })
      expect(fnRequests('hello').map((r: any) => r.route)).toEqual(['memfire', 'memfire'])
    })

    it('a signed-in user’s JWT from storage reaches the function', async () => {
      const session = gw.createSession()
      const storage = mapStorage({ 'sb-127-auth-token': JSON.stringify(session) })
      const { data } = await client({ accessToken: sessionFromStorage(storage) }).invoke('mirror')
      expect(data.headers.authorization).toBe(`Bearer ${session.access_token}`)
      expect(data.claims).toMatchObject({ role: 'authenticated', sub: session.user.id })
    })

    it('an expired session is refreshed once, written back, and the call goes out with the new token', async () => {
      const session = gw.createSession({ expiresIn: -10 })
      const storage = mapStorage({ 'sb-127-auth-token': JSON.stringify(session) })
      const functions = client({ accessToken: sessionFromStorage(storage) })
      const results = await Promise.all(Array.from({ length: 20 }, () => functions.invoke('mirror')))
      expect(gw.refreshRequests()).toHaveLength(1)
      const stored = JSON.parse(storage.map.get('sb-127-auth-token') as string)
      expect(stored.refresh_token).not.toBe(session.refresh_token)
      for (const { data, error } of results) {
        expect(error).toBeNull()
        expect(data.headers.authorization).toBe(`Bearer ${stored.access_token}`)
      }
    })
  })
}
