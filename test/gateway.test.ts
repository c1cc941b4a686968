import { spawn } from 'child_process'
import { join } from 'path'
// eslint-disable-next-line @typescript-eslint/no-var-requires
const { startGateway, verifyJwt } = require('../gateway')

// The gateway is what every other suite and the demo trust: its own contract is tested here.
describe('local functions gateway', () => {
  let gw: any
  beforeAll(async () => {
    gw = await startGateway()
  })
  afterAll(() => gw.close())

  it('answers CORS preflight for the headers the client sends', async () => {
    const response = await fetch(`${gw.url}/functions/v1/hello`, {
      method: 'OPTIONS',
      headers: { 'Access-Control-Request-Headers': 'authorization, apikey, content-type, x-region', Origin: 'http://127.0.0.1:1' },
    })
    expect(response.status).toBe(204)
    expect(response.headers.get('access-control-allow-origin')).toBe('*')
    expect(response.headers.get('access-control-allow-headers')).toMatch(/authorization.*apikey.*content-type.*x-region/)
    expect(response.headers.get('access-control-allow-methods')).toMatch(/PATCH/)
  })

  it('streams SSE with Chinese text as separate chunks, ending with [DONE]', async () => {
    const response = await fetch(`${gw.url}/functions/v1/sse?count=3&interval=30`, { headers: { Authorization: `Bearer ${gw.anonKey}` } })
    expect(response.headers.get('content-type')).toBe('text/event-stream; charset=utf-8')
    const reader = response.body!.getReader()
    const chunks: string[] = []
    for (let read = await reader.read(); !read.done; read = await reader.read()) chunks.push(Buffer.from(read.value).toString())
    expect(chunks.length).toBeGreaterThan(1)
    const text = chunks.join('')
    expect(text).toContain('data: {"index":1,"text":"第1条消息：你好"}\n\n')
    expect(text).toContain('data: {"index":3,"text":"第3条消息：你好"}\n\n')
    expect(text).toMatch(/event: done\ndata: \[DONE\]\n\n$/)
  })

  it('signs in with a password and issues a verifiable user JWT', async () => {
    const response = await fetch(`${gw.url}/auth/v1/token?grant_type=password`, {
      method: 'POST',
      headers: { apikey: gw.anonKey, 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'demo@example.com', password: 'password' }),
    })
    const session = await response.json()
    expect(verifyJwt(session.access_token, gw.jwtSecret)).toMatchObject({ role: 'authenticated', email: 'demo@example.com' })
    const wrong = await fetch(`${gw.url}/auth/v1/token?grant_type=password`, {
      method: 'POST',
      headers: { apikey: gw.anonKey },
      body: JSON.stringify({ email: 'demo@example.com', password: 'nope' }),
    })
    expect(wrong.status).toBe(400)
  })

  it('rotates refresh tokens: each works once', async () => {
    const session = gw.createSession()
    const refresh = () =>
      fetch(`${gw.url}/auth/v1/token?grant_type=refresh_token`, {
        method: 'POST',
        headers: { apikey: gw.anonKey },
        body: JSON.stringify({ refresh_token: session.refresh_token }),
      })
    expect((await refresh()).status).toBe(200)
    expect((await refresh()).status).toBe(400)
  })

  it('rejects expired and forged tokens on the Supabase route with a relay error, not on the MemFire route', async () => {
    const expired = gw.createSession({ expiresIn: -1 }).access_token
    for (const token of [expired, gw.anonKey.slice(0, -2) + 'xx']) {
      const response = await fetch(`${gw.url}/functions/v1/hello`, { headers: { Authorization: `Bearer ${token}` } })
      expect(response.status).toBe(401)
      expect(response.headers.get('x-relay-error')).toBe('true')
      const memfire = await fetch(`${gw.url}/mf-demo/hello`, { headers: { Authorization: `Bearer ${token}` } })
      expect(memfire.status).toBe(200)
    }
  })

  it('npm run gateway prints its URL, anon key and a signed-in session, and stops on SIGTERM', async () => {
    const child = spawn(process.execPath, [join(__dirname, '..', 'gateway', 'cli.js'), '--port', '0'])
    let out = ''
    await new Promise<void>((resolve) => child.stdout.on('data', (chunk) => (out += chunk) && /Ctrl-C/.test(out) && resolve()))
    expect(out).toMatch(/URL\s+http:\/\/127\.0\.0\.1:\d+/)
    expect(out).toMatch(/Anon key\s+eyJ/)
    expect(out).toMatch(/access_token\s+eyJ/)
    expect(out).toContain('sb-127-auth-token')
    child.kill('SIGTERM')
    expect(await new Promise((resolve) => child.on('exit', resolve))).toBe(0)
  })
})
