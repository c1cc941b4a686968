// Hostile and careless inputs to createFunctions and invoke, against the gateway over each transport.
// For every input: invoke resolves (never throws or rejects) with a typed error and a clear message, or
// with its documented success; nothing injected reaches the wire; no key or token leaves for an
// untrusted origin (a second gateway stands in for one and must receive nothing).
import {
  createAbortController,
  createFunctions,
  fetchTransport,
  miniProgramTransport,
  sessionFromStorage,
  type FunctionsOptions,
  type FunctionsResponse,
  type InvokeOptions,
  type Transport,
  type TransportOptions,
} from '../src'
import { closeRelays, suiteRelay } from './helpers/cloud-relay'
import { mapStorage, type Gateway } from './helpers/transport-suite'
// eslint-disable-next-line @typescript-eslint/no-var-requires
const { startGateway, signJwt } = require('../gateway')
// eslint-disable-next-line @typescript-eslint/no-var-requires
const { createWx } = require('./helpers/fake-wx')
// eslint-disable-next-line @typescript-eslint/no-var-requires
const { createMy } = require('./helpers/fake-my')

interface Context {
  gw: Gateway
  evil: Gateway
  userToken: string
  /** A client signed in as the user (setAuth), over the transport under test. */
  client(options?: Partial<FunctionsOptions>): ReturnType<typeof createFunctions>
  transport: Transport
}

type Outcome = { code: string; message?: RegExp; status?: number } | { ok: true; check?(data: any, ctx: Context): void }
/** `throughRelay`: the outcome through the cloud relay where its limits make it differ. */
type Case = [label: string, run: (ctx: Context) => Promise<FunctionsResponse<any>>, outcome: Outcome, throughRelay?: Outcome]

const invalid = (message: RegExp): Outcome => ({ code: 'INVALID_REQUEST', message })
const ok = (check?: (data: any, ctx: Context) => void): Outcome => ({ ok: true, check })
const http = (status: number): Outcome => ({ code: 'HTTP_ERROR', message: /non-2xx/, status })
const call = (name: unknown, options?: unknown) => (ctx: Context) => ctx.client().invoke(name as string, options as InvokeOptions)
const mirror = (options?: unknown) => call('mirror', options)
const withClient =
  (options: (ctx: Context) => Partial<FunctionsOptions>, name = 'mirror', invokeOptions?: InvokeOptions) =>
  (ctx: Context) =>
    ctx.client(options(ctx)).invoke(name, invokeOptions)
const INJECT = 'v\r\nX-Injected: 1'
const circular: any = { a: 1 }
circular.self = circular

/** A client with only the anon key, reading the session from storage holding `value`. */
const stored =
  (value: (ctx: Context) => unknown, name = 'mirror') =>
  (ctx: Context) => {
    const storage = mapStorage({ 'sb-127-auth-token': value(ctx) })
    return createFunctions({
      url: ctx.gw.url,
      anonKey: ctx.gw.anonKey,
      transport: ctx.transport,
      accessToken: sessionFromStorage(storage),
    }).invoke(name)
  }
const asAnon = ok((data) => expect(data.claims.role).toBe('anon'))
const sessionOf = (ctx: Context, extra: object) => JSON.stringify({ access_token: ctx.userToken, refresh_token: 'r', ...extra })

const cases: Case[] = [
  // function names
  ['empty name', call(''), invalid(/^Invalid function name: $/)],
  ['blank name', call('   '), invalid(/Invalid function name/)],
  ['undefined name', call(undefined), invalid(/Invalid function name: undefined/)],
  ['null name', call(null), invalid(/Invalid function name: null/)],
  ['number name', call(42), invalid(/Invalid function name: 42/)],
  ['object name', call({}), invalid(/Invalid function name/)],
  ['Symbol name', call(Symbol('x')), invalid(/Invalid function name: Symbol\(x\)/)],
  ['../ path', call('../admin'), invalid(/Invalid function name/)],
  ['../ deeper, to the auth endpoint', call('a/../../../auth/v1/token'), invalid(/Invalid function name/)],
  ['encoded ../', call('%2e%2e/secret'), invalid(/Invalid function name/)],
  ['./ segment', call('./hello'), invalid(/Invalid function name/)],
  ['javascript: name: only a path on the project', call('javascript:alert(1)'), http(404)],
  ['file: name: only a path on the project', call('file:///etc/passwd'), http(404)],
  [
    'absolute URL to another origin',
    call('https://evil.example/steal'),
    invalid(/^Not sending keys to https:\/\/evil\.example: add it to trustedOrigins$/),
  ],
  [
    'absolute URL to the untrusted gateway',
    (ctx) => ctx.client().invoke(ctx.evil.url + '/functions/v1/mirror'),
    invalid(/Not sending keys to http:\/\/127\.0\.0\.1:\d+/),
  ],
  ['upper-case scheme to another origin', call('HTTPS://EVIL.EXAMPLE/x'), invalid(/Not sending keys/)],
  ['userinfo trick', (ctx) => ctx.client().invoke(`${ctx.gw.url}@evil.example/x`), invalid(/Not sending keys/)],
  ['backslash trick', (ctx) => ctx.client().invoke(`${ctx.gw.url}\\@evil.example/x`), invalid(/Not sending keys/)],
  ['protocol-relative name stays on the project', call('//evil.example/x'), http(404)],
  ['CR/LF in the name: encoded into the path', call('hello\r\nX-Injected: 1'), http(404)],
  ['NUL in the name', call('hello\0'), http(404)],
  ['lone surrogate in the name', call('hello\ud800'), invalid(/Invalid function name/)],
  ['right-to-left override in the name', call('\u202ehello'), http(404)],
  ['Chinese name', call('你好'), http(404)],
  [
    'huge name (100 000 chars): the server refuses the request line',
    call('x'.repeat(100000)),
    http(431),
    { code: 'CLOUD_RELAY_REFUSED', message: /REQUEST_TOO_LARGE.*over 16384/ },
  ],
  ['name with a fragment', call('hello#frag'), ok((data) => expect(data).toEqual({ message: 'Hello world!' }))],
  ['name with a query', call('hello?name=查询&name=b'), ok((data) => expect(data).toEqual({ message: 'Hello 查询!' }))],
  // headers
  ['CR/LF in a header value', mirror({ headers: { 'x-a': INJECT } }), invalid(/^Invalid header "x-a"$/)],
  ['LF in a header value', mirror({ headers: { 'x-a': 'v\nX-Injected: 1' } }), invalid(/Invalid header "x-a"/)],
  ['NUL in a header value', mirror({ headers: { 'x-a': 'v\0' } }), invalid(/Invalid header "x-a"/)],
  ['CR/LF in a header name', mirror({ headers: { 'x-a\r\nX-Injected': 'v' } }), invalid(/Invalid header/)],
  ['space in a header name', mirror({ headers: { 'bad name': 'v' } }), invalid(/Invalid header "bad name"/)],
  ['empty header name', mirror({ headers: { '': 'v' } }), invalid(/Invalid header ""/)],
  ['colon in a header name', mirror({ headers: { 'x-a:': 'v' } }), invalid(/Invalid header "x-a:"/)],
  ['object header value', mirror({ headers: { 'x-a': { toString: () => 'x' } } }), invalid(/Invalid header "x-a"/)],
  ['array header value', mirror({ headers: { 'x-a': ['a', 'b'] } }), invalid(/Invalid header "x-a"/)],
  ['Symbol header value', mirror({ headers: { 'x-a': Symbol('s') } }), invalid(/Invalid header "x-a"/)],
  ['BigInt header value', mirror({ headers: { 'x-a': BigInt(1) } }), invalid(/Invalid header "x-a"/)],
  ['function header value', mirror({ headers: { 'x-a': () => 1 } }), invalid(/Invalid header "x-a"/)],
  ['headers as a string', mirror({ headers: 'x-a: 1' }), invalid(/^headers must be an object$/)],
  ['CR/LF in Authorization', mirror({ headers: { Authorization: 'Bearer ' + INJECT } }), invalid(/Invalid header "Authorization"/)],
  [
    'number and boolean header values: sent as text',
    mirror({ headers: { 'x-n': 42, 'x-b': true } }),
    ok((data) => expect(data.headers).toMatchObject({ 'x-n': '42', 'x-b': 'true' })),
  ],
  [
    'undefined and null header values: left out',
    mirror({ headers: { 'x-u': undefined, 'x-null': null } }),
    ok((data) => expect(Object.keys(data.headers)).not.toContain('x-u')),
  ],
  ['headers: null', mirror({ headers: null }), ok()],
  [
    'a header named __proto__ (JSON-parsed): dropped, nothing else changes',
    mirror({ headers: JSON.parse('{"__proto__":"x","x-b":"1"}') }),
    ok((data) => expect(data.headers['x-b']).toBe('1')),
  ],
  [
    'two casings of one header: the last wins',
    mirror({ headers: { 'X-A': '1', 'x-a': '2' } }),
    ok((data) => expect(data.headers['x-a']).toBe('2')),
  ],
  // bodies
  ['circular body', mirror({ body: circular }), invalid(/^The body is not JSON-serializable: /)],
  ['BigInt body', mirror({ body: BigInt(1) }), invalid(/^Cannot send a bigint body$/)],
  ['BigInt inside the body', mirror({ body: { n: BigInt(1) } }), invalid(/not JSON-serializable.*BigInt/)],
  ['Symbol body', mirror({ body: Symbol('s') }), invalid(/^Cannot send a symbol body$/)],
  ['function body', mirror({ body: () => 1 }), invalid(/^Cannot send a function body$/)],
  ['Map body', mirror({ body: new Map([['a', 1]]) }), invalid(/^Cannot send a Map body$/)],
  ['stream-like body', mirror({ body: { getReader() {} } }), invalid(/^Cannot send a Object body$/)],
  [
    'toJSON that throws',
    mirror({
      body: {
        toJSON() {
          throw new Error('nope')
        },
      },
    }),
    invalid(/not JSON-serializable: nope/),
  ],
  ['a body on a GET', mirror({ method: 'GET', body: { a: 1 } }), invalid(/^A GET request cannot have a body$/)],
  ['NaN body: JSON null', mirror({ body: NaN }), ok((data) => expect(data.bodyText).toBe('null'))],
  ['Date body: its JSON', mirror({ body: new Date(0) }), ok((data) => expect(data.bodyText).toBe('"1970-01-01T00:00:00.000Z"'))],
  [
    'a view on part of a buffer: exactly its bytes',
    mirror({ body: new Uint8Array([9, 1, 2, 3, 9]).subarray(1, 4) }),
    ok((data) => expect(data.bodyBase64).toBe('AQID')),
  ],
  [
    'huge body (20 MB of JSON)',
    call('hello', { body: { name: 'n', pad: 'x'.repeat(20 * 1024 * 1024) } }),
    ok((data) => expect(data).toEqual({ message: 'Hello n!' })),
    invalid(/over maxBodyBytes \(102400/),
  ],
  // methods
  ['unknown method', mirror({ method: 'FETCH' }), invalid(/^Unsupported method "FETCH"$/)],
  ['TRACE', mirror({ method: 'TRACE' }), invalid(/Unsupported method "TRACE"/)],
  ['CONNECT', mirror({ method: 'CONNECT' }), invalid(/Unsupported method "CONNECT"/)],
  ['method with CR/LF', mirror({ method: 'GET\r\nX-Injected: 1' }), invalid(/Unsupported method/)],
  ['number method', mirror({ method: 42 }), invalid(/Unsupported method "42"/)],
  ['lower-case method', mirror({ method: 'put' }), ok((data) => expect(data.method).toBe('PUT'))],
  // timeouts and signals
  ['negative timeout', mirror({ timeout: -1 }), invalid(/^timeout must be 0 to 2147483647 ms$/)],
  ['NaN timeout', mirror({ timeout: NaN }), invalid(/timeout must be/)],
  ['Infinity timeout', mirror({ timeout: Infinity }), invalid(/timeout must be/)],
  ['timeout over 2^31 - 1', mirror({ timeout: 2 ** 31 }), invalid(/timeout must be/)],
  ['string timeout', mirror({ timeout: '1000' }), invalid(/timeout must be/)],
  ['timeout 0: none', mirror({ timeout: 0 }), ok()],
  ['a signal that is no signal', mirror({ signal: {} }), invalid(/^signal must be an AbortSignal$/)],
  ['a string signal', mirror({ signal: 'stop' }), invalid(/signal must be an AbortSignal/)],
  [
    'an already aborted signal: nothing sent',
    (ctx) => {
      const controller = createAbortController()
      controller.abort()
      return ctx.client().invoke('mirror', { signal: controller.signal })
    },
    { code: 'ABORTED' },
  ],
  // regions and options
  ['CR/LF in the region', mirror({ region: INJECT }), invalid(/Invalid header "x-region"/)],
  ['object region', mirror({ region: {} }), invalid(/Invalid header "x-region"/)],
  [
    'a region: header and query',
    mirror({ region: 'ap-northeast-1' }),
    ok((data) => expect(data.query.forceFunctionRegion).toBe('ap-northeast-1')),
  ],
  ['options: null', mirror(null), ok()],
  ['query: an object value', mirror({ query: { filter: { a: 1 } } }), invalid(/^Invalid query "filter"$/)],
  ['query: a string', mirror({ query: 'a=1' }), invalid(/^query must be an object$/)],
  ['query: a lone surrogate', mirror({ query: { q: '\ud800' } }), invalid(/^Invalid query "q"$/)],
  ['query: NaN', mirror({ query: { page: NaN } }), invalid(/^Invalid query "page"$/)],
  // createFunctions
  [
    'createFunctions(undefined)',
    () => createFunctions(undefined as any).invoke('mirror'),
    invalid(/^createFunctions: transport is missing$/),
  ],
  ['no transport', (ctx) => createFunctions({ url: ctx.gw.url } as any).invoke('mirror'), invalid(/transport is missing/)],
  [
    'a string transport',
    (ctx) => createFunctions({ url: ctx.gw.url, transport: 'fetch' } as any).invoke('mirror'),
    invalid(/transport is missing/),
  ],
  [
    'javascript: url',
    withClient(() => ({ url: 'javascript:alert(1)' })),
    invalid(/^createFunctions: url, functionsUrl, trustedOrigins must be http\(s\)$/),
  ],
  ['file: url', withClient(() => ({ url: 'file:///etc' })), invalid(/must be http\(s\)/)],
  ['ftp: url', withClient(() => ({ url: 'ftp://example.com' })), invalid(/must be http\(s\)/)],
  ['javascript: functionsUrl', withClient(() => ({ functionsUrl: 'javascript:alert(1)' })), invalid(/must be http\(s\)/)],
  ['trustedOrigins: *', withClient(() => ({ trustedOrigins: ['*'] })), invalid(/must be http\(s\)/)],
  ['url with trailing slashes', withClient((ctx) => ({ url: ctx.gw.url + '///' })), ok()],
  ['CR/LF in the client’s headers', withClient(() => ({ headers: { 'x-a': INJECT } })), invalid(/Invalid header "x-a"/)],
  ['CR/LF in the anon key', withClient(() => ({ anonKey: INJECT })), invalid(/Invalid header "apikey"/)],
  ['client timeout of -5', withClient(() => ({ timeout: -5 })), invalid(/timeout must be/)],
  [
    'accessToken() throws',
    (ctx) =>
      createFunctions({
        url: ctx.gw.url,
        transport: ctx.transport,
        accessToken: () => {
          throw new Error('storage gone')
        },
      }).invoke('mirror'),
    invalid(/^accessToken\(\) failed$/),
  ],
  [
    'accessToken() gives a token with CR/LF',
    (ctx) =>
      createFunctions({ url: ctx.gw.url, anonKey: ctx.gw.anonKey, transport: ctx.transport, accessToken: () => INJECT }).invoke('mirror'),
    invalid(/Invalid header "Authorization"/),
  ],
  [
    'setAuth with CR/LF',
    (ctx) => {
      const client = ctx.client()
      client.setAuth(INJECT)
      return client.invoke('mirror')
    },
    invalid(/Invalid header "Authorization"/),
  ],
  // sessions in storage
  ['stored session: not JSON', stored(() => '{oops'), asAnon],
  ['stored session: JSON null', stored(() => 'null'), asAnon],
  ['stored session: a number', stored(() => 42), asAnon],
  ['stored session: an array', stored(() => '[1,2]'), asAnon],
  ['stored session: wrong shape', stored(() => '{"user":{"id":1}}'), asAnon],
  ['stored session: access_token a number', stored(() => '{"access_token":42}'), asAnon],
  ['stored session: access_token empty', stored(() => '{"access_token":""}'), asAnon],
  [
    'stored session: valid, as an object',
    stored((ctx) => JSON.parse(sessionOf(ctx, {}))),
    ok((data) => expect(data.claims.role).toBe('authenticated')),
  ],
  [
    'stored session: expires_at not a number: the token as is',
    stored((ctx) => sessionOf(ctx, { expires_at: 'soon' })),
    ok((data) => expect(data.claims.role).toBe('authenticated')),
  ],
  [
    'stored session: expired, no refresh token: the relay refuses it',
    stored((ctx) => JSON.stringify({ access_token: ctx.gw.createSession({ expiresIn: -10 }).access_token, expires_at: 1 })),
    { code: 'RELAY_ERROR' },
  ],
  [
    'stored session: expired, refresh token unknown to the server: signed out, anon',
    stored((ctx) => sessionOf(ctx, { expires_at: 1, refresh_token: 'unknown' })),
    asAnon,
  ],
  [
    'stored session: a token of another project: the relay refuses it',
    stored((ctx) =>
      JSON.stringify({ access_token: signJwt({ role: 'authenticated', exp: 4e9 }, 'another-projects-secret-of-32-characters!') }),
    ),
    { code: 'RELAY_ERROR' },
  ],
  ['stored session: token with CR/LF', stored(() => JSON.stringify({ access_token: INJECT })), invalid(/Invalid header "Authorization"/)],
  [
    'storage getItem throws',
    (ctx) =>
      createFunctions({
        url: ctx.gw.url,
        anonKey: ctx.gw.anonKey,
        transport: ctx.transport,
        accessToken: sessionFromStorage({
          getItem() {
            throw new Error('x')
          },
          setItem() {},
          removeItem() {},
        }),
      }).invoke('mirror'),
    asAnon,
  ],
  [
    'storage getItem rejects',
    (ctx) =>
      createFunctions({
        url: ctx.gw.url,
        anonKey: ctx.gw.anonKey,
        transport: ctx.transport,
        accessToken: sessionFromStorage({ getItem: () => Promise.reject(new Error('x')), setItem() {}, removeItem() {} }),
      }).invoke('mirror'),
    asAnon,
  ],
]

/** Records what the transport was asked to send. */
function recording(transport: Transport, sent: TransportOptions[]): Transport {
  return (request) => {
    sent.push(request)
    return transport(request)
  }
}

const RELAYED = 'cloudRelay (wx.cloud.callFunction → the shipped relay)'
const relay = suiteRelay()
afterAll(closeRelays)

const transports: Array<[string, () => Transport]> = [
  ['fetchTransport', () => fetchTransport()],
  ['miniProgramTransport(wx.request)', () => miniProgramTransport(createWx().request)],
  [RELAYED, relay.makeTransport],
  ["miniProgramTransport(my.request, { platform: 'alipay' })", () => miniProgramTransport(createMy().request, { platform: 'alipay' })],
]

let tried = 0
describe.each(transports)('bad input, %s', (_transportLabel, makeTransport) => {
  const sent: TransportOptions[] = []
  const ctx = {} as Context

  beforeAll(async () => {
    ctx.gw = await startGateway()
    ctx.evil = await startGateway()
    // The relay forwards to the project only: the untrusted origin is refused there too.
    relay.allowOrigin(ctx.gw.url)
    ctx.userToken = ctx.gw.createSession().access_token
    ctx.transport = recording(makeTransport(), sent)
    ctx.client = (options = {}) => {
      const client = createFunctions({ url: ctx.gw.url, anonKey: ctx.gw.anonKey, transport: ctx.transport, ...options })
      client.setAuth(ctx.userToken)
      return client
    }
  })
  afterAll(async () => {
    await ctx.gw.close()
    await ctx.evil.close()
  })

  // A rest parameter: jest takes a test function with more parameters than the row as one awaiting `done`.
  it.each(cases)('%s', async (_label, run, direct, ...differences) => {
    const [throughRelay] = differences
    const outcome = (_transportLabel == RELAYED && throughRelay) || direct
    let result: FunctionsResponse<any> | undefined
    let thrown: unknown
    try {
      result = await run(ctx)
    } catch (e) {
      thrown = e
    }
    tried++
    expect(thrown).toBeUndefined()
    expect(result).toBeDefined()
    if ('ok' in outcome) {
      expect(result!.error).toBeNull()
      if (outcome.check) outcome.check(result!.data, ctx)
    } else {
      expect(result!.data).toBeNull()
      expect(result!.error).not.toBeNull()
      expect(result!.error!.code).toBe(outcome.code)
      if (outcome.message) expect(result!.error!.message).toMatch(outcome.message)
      if (outcome.status) expect(result!.response!.status).toBe(outcome.status)
    }
  })

  it('nothing injected reached the wire, and nothing went to the untrusted origin', () => {
    for (const request of sent) {
      for (const name in request.header) expect(`${name}: ${request.header[name]}`).not.toMatch(/[\r\n\0]/)
    }
    for (const request of ctx.gw.requests) {
      expect(request.rawHeaders.filter((_: string, i: number) => i % 2 == 0).map((name: string) => name.toLowerCase())).not.toContain(
        'x-injected',
      )
    }
    expect(ctx.evil.requests).toHaveLength(0)
    expect(sent.filter((request) => !request.url.startsWith(ctx.gw.url))).toEqual([])
  })
})

afterAll(() => {
  process.stdout.write(`\nbad inputs tried: ${tried} (${cases.length} inputs × ${transports.length} transports)\n`)
})
