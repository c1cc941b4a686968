import * as acorn from 'acorn'
import { execFileSync } from 'child_process'
import { readdirSync, readFileSync } from 'fs'
import { join } from 'path'
import * as vm from 'vm'
// eslint-disable-next-line @typescript-eslint/no-var-requires
const { createWx } = require('./helpers/fake-wx')
// eslint-disable-next-line @typescript-eslint/no-var-requires
const { startGateway } = require('../gateway')
// eslint-disable-next-line @typescript-eslint/no-var-requires
const { measureAll, CORE_BUDGET, PLUGIN_BUDGET, ALIPAY_PLUGIN_BUDGET } = require('../scripts/size')

const dist = join(__dirname, '..', 'dist')
const read = (file: string) => readFileSync(join(dist, file), 'utf8')

describe('the built package', () => {
  it('ships nothing newer than ES2017 (mini-program tools do not transpile node_modules)', () => {
    const files = readdirSync(dist).filter((file) => /\.(mjs|cjs)$/.test(file))
    expect(files).toEqual(
      expect.arrayContaining(['index.mjs', 'index.cjs', 'taro.mjs', 'taro-react.mjs', 'taro-vue.mjs', 'uniapp.mjs', 'uniapp.cjs']),
    )
    for (const file of files) {
      const sourceType = file.endsWith('.mjs') ? 'module' : 'script'
      expect(() => acorn.parse(read(file), { ecmaVersion: 2017, sourceType })).not.toThrow()
    }
  })

  it('resolves through package.json exports for require and import, with types', async () => {
    // Plain node, outside jest's module system: what a user's runtime resolves.
    const exportsVia = (code: string) =>
      execFileSync(process.execPath, ['--input-type=' + (code.startsWith('import') ? 'module' : 'commonjs'), '-e', code], {
        cwd: join(__dirname, '..'),
      })
        .toString()
        .trim()
        .split(',')
    const esm = exportsVia("import * as api from 'mp-functions'; console.log(Object.keys(api).sort().join())")
    const cjs = exportsVia("console.log(Object.keys(require('mp-functions')).sort().join())")
    expect(esm).toEqual(cjs)
    expect(esm).toEqual(
      expect.arrayContaining(['createFunctions', 'fetchTransport', 'miniProgramTransport', 'sessionFromStorage', 'FunctionsHttpError']),
    )
    const pkg = JSON.parse(readFileSync(join(__dirname, '..', 'package.json'), 'utf8'))
    // Only the modules whose import installs `$functions` (Taro's runtime injection) keep their side effects.
    expect(pkg.sideEffects).toEqual(['./dist/taro.mjs', './dist/taro.cjs', './dist/taro-react.mjs', './dist/taro-react.cjs'])
    expect(read('index.d.ts')).toMatch(/export .*createFunctions/)
  })

  it('stays within its size budgets (min+gzip, as a bundler sees each import)', async () => {
    const rows: Array<{ name: string; gzip: number; added: number; budget?: number }> = await measureAll()
    expect(rows.filter((row) => row.budget).map((row) => [row.name, row.budget])).toEqual([
      ['createFunctions + fetchTransport', CORE_BUDGET],
      ['Taro plugin (default import, weapp build)', PLUGIN_BUDGET],
      ['Taro plugin, React and Vue parts too', PLUGIN_BUDGET],
      ['uni-app plugin (default import, mp-weixin build)', PLUGIN_BUDGET],
      ['Taro plugin (alipay build)', ALIPAY_PLUGIN_BUDGET],
      ['uni-app plugin (mp-alipay build)', ALIPAY_PLUGIN_BUDGET],
    ])
    // Each opt-in feature is reported on its own, as what it adds.
    expect(rows.filter((row) => row.name.startsWith('+ ')).every((row) => row.added > 0)).toBe(true)
    const over = rows.filter((row) => row.budget && row.gzip > row.budget).map((row) => `${row.name}: ${row.gzip} > ${row.budget}`)
    expect(over).toEqual([])
  }, 60000)
})

describe('on a device: the CommonJS build in a bare JS context with only wx and timers', () => {
  let gw: any
  beforeAll(async () => {
    gw = await startGateway()
  })
  afterAll(() => gw.close())

  it('has no fetch, URL, TextDecoder, AbortController, Blob, FormData or Buffer, and still works end to end', async () => {
    const wx = createWx()
    const session = gw.createSession({ expiresIn: -5 })
    wx.setStorageSync('sb-127-auth-token', JSON.stringify(session))
    const context: any = { wx, setTimeout, clearTimeout, module: undefined, results: null }
    vm.createContext(context)
    const missing = vm.runInContext(
      "['fetch','URL','URLSearchParams','TextDecoder','TextEncoder','AbortController','Blob','FormData','Buffer','process','require','atob'].filter(n => typeof globalThis[n] !== 'undefined')",
      context,
    )
    expect(missing).toEqual([])
    // The entry and the chunks it shares with the plugins' entries, each evaluated in the bare context
    // (as a mini-program tool bundles them): `require` reaches sibling files of dist only.
    const loaded: Record<string, any> = {}
    const load = (file: string): any => {
      if (!loaded[file]) {
        const module = (loaded[file] = { exports: {} })
        const local = (id: string) => (id.startsWith('./') ? load(id.slice(2)) : undefined)
        vm.runInContext(`(function (require, module, exports) {${read(file)}\n})`, context)(local, module, module.exports)
      }
      return loaded[file].exports
    }
    context.module = { exports: load('index.cjs') }
    context.config = { url: gw.url, anonKey: gw.anonKey }
    await vm.runInContext(
      `(async () => {
        const { createFunctions, miniProgramTransport, sessionFromStorage, createAbortController } = module.exports
        const storage = { getItem: (k) => wx.getStorageSync(k), setItem: (k, v) => wx.setStorageSync(k, v), removeItem: (k) => wx.removeStorageSync(k) }
        const functions = createFunctions({ ...config, transport: miniProgramTransport(wx.request), accessToken: sessionFromStorage(storage) })
        const controller = createAbortController()
        const cancelled = functions.invoke('slow?ms=2000', { signal: controller.signal })
        setTimeout(() => controller.abort(), 50)
        results = {
          hello: await functions.invoke('hello', { body: { name: '世界' } }),
          text: await functions.invoke('text'),
          mirror: await functions.invoke('mirror', { body: new Uint8Array([0, 255, 128]) }),
          failed: await functions.invoke('status/404'),
          timeout: await functions.invoke('slow?ms=2000', { timeout: 100 }),
          cancelled: await cancelled,
          bytes: await functions.invoke('binary?size=4'),
          events: [],
        }
        // Streaming without TextDecoder or async generators in the engine's globals: the pure JS decoder.
        const { data: stream } = await functions.invoke('sse?count=2&interval=5&split=20')
        await stream.listen({ onEvent: (event) => results.events.push(event.data) })
      })()`,
      context,
    )
    const r = context.results
    expect(r.hello.data).toEqual({ message: 'Hello 世界!' })
    expect(r.text.data).toBe('你好，世界！🌏 mp-functions')
    const stored = JSON.parse(wx.getStorageSync('sb-127-auth-token'))
    expect(stored.access_token).not.toBe(session.access_token)
    expect(r.mirror.data.headers.authorization).toBe(`Bearer ${stored.access_token}`)
    expect(r.mirror.data.bodyBase64).toBe(Buffer.from([0, 255, 128]).toString('base64'))
    expect(r.failed.error.name).toBe('FunctionsHttpError')
    expect(r.failed.error.status).toBe(404)
    expect(r.timeout.error.code).toBe('TIMEOUT')
    expect(r.cancelled.error.code).toBe('ABORTED')
    expect(Array.from(new Uint8Array(r.bytes.data))).toEqual([0, 1, 2, 3])
    expect(r.events).toEqual(['{"index":1,"text":"第1条消息：你好"}', '{"index":2,"text":"第2条消息：你好"}', '[DONE]'])
  })
})
