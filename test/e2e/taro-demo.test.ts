// demo-taro as `npm run demo` builds it (scripts/demo-taro.js), pointed at a gateway of the test's own:
// - weapp, run under Node in a bare JS context: the real compiled Taro runtime, React and the plugin, with a `wx` whose
//   request does real HTTP and whose storage is real key/value state; taps through the page's handler;
// - H5, served on 127.0.0.1 and driven in Debian's Chromium.
// The same flows on both, asserted on what the page shows and on what the gateway received.
import { demoFlows } from '../helpers/taro-demo-flows'
import { browserHookDriver, hookFlows, miniProgramHookDriver } from '../helpers/hook-demo-flows'
// eslint-disable-next-line @typescript-eslint/no-var-requires
const { startGateway } = require('../../gateway')
// eslint-disable-next-line @typescript-eslint/no-var-requires
const { createWx } = require('../helpers/fake-wx')
// eslint-disable-next-line @typescript-eslint/no-var-requires
const { loadMiniProgram } = require('../helpers/mini-program-app')
// eslint-disable-next-line @typescript-eslint/no-var-requires
const { launchChromium } = require('../helpers/chromium')
// eslint-disable-next-line @typescript-eslint/no-var-requires
const { startTaroDemo } = require('../../scripts/demo-taro')

jest.setTimeout(240000)

let gw: any
let demo: any
const log: string[] = []

beforeAll(async () => {
  gw = await startGateway()
  demo = await startTaroDemo(gw, { log: (line: string) => log.push(line) })
})

afterAll(async () => {
  if (demo) await demo.close()
  if (gw) await gw.close()
})

it('npm run demo prints the H5 address and where the weapp build is', () => {
  expect(log.join('\n')).toContain(`H5:    ${demo.url}`)
  expect(log.join('\n')).toMatch(/weapp: .*demo-weapp\n.*微信开发者工具/)
})

describe('weapp, run under Node', () => {
  let page: any
  let wx: any
  let program: any
  beforeAll(async () => {
    wx = createWx()
    program = loadMiniProgram(demo.weapp, { wx })
    page = program.openPage('pages/index/index')
    await page.waitForText('btn-class')
  })

  demoFlows(() => ({
    gw,
    driver: {
      tap: (id) => page.tap(id),
      waitForText: (id, predicate) => page.waitForText(id, predicate),
      storedSession: async () => {
        const stored = wx.getStorageSync('sb-127-auth-token')
        return stored ? JSON.parse(stored) : null
      },
    },
  }))

  // The hooks' pages, opened as navigateTo opens them and closed with onUnload.
  hookFlows(() => ({ gw, driver: miniProgramHookDriver(program, page, (name) => `pages/${name}/index`, wx) }))

  it('asked wx.request for chunks on every call whose task it held (streaming by the answer), and for bytes', () => {
    const calls = wx.__requests.filter((request: any) => request.url.includes('/functions/v1/'))
    expect(calls.length).toBeGreaterThan(10)
    expect(calls.every((request: any) => request.responseType == 'arraybuffer')).toBe(true)
    // The app's interceptor proceeds at once, so every task was held: every call may stream.
    expect(calls.filter((request: any) => !request.enableChunked)).toEqual([])
  })
})

describe('H5, in Chromium', () => {
  let browser: any
  let page: any
  const pageErrors: string[] = []
  beforeAll(async () => {
    browser = await launchChromium()
    page = await browser.context.newPage()
    page.on('pageerror', (error: Error) => pageErrors.push(String(error)))
    await page.goto(demo.url)
    await page.waitForSelector('#btn-class')
    // Every text the stream's output shows, as rendered: a streamed answer shows its events one by one.
    await page.evaluate(() => {
      const shown: string[] = ((window as any).__streamShown = [])
      new MutationObserver(() => {
        const text = document.querySelector('#out-stream')?.textContent || ''
        if (text != shown[shown.length - 1]) shown.push(text)
      }).observe(document.body, { subtree: true, childList: true, characterData: true })
    })
  })
  afterAll(() => browser && browser.close())

  demoFlows(() => ({
    gw,
    driver: {
      tap: (id) => page.click(`#${id}`),
      waitForText: async (id, predicate) => {
        for (let i = 0; ; i++) {
          const text = await page.textContent(`#${id}`)
          if (predicate(text)) return text
          if (i > 500) throw new Error(`#${id} still shows ${JSON.stringify(text)}`)
          await new Promise((resolve) => setTimeout(resolve, 20))
        }
      },
      // Taro's H5 storage wraps each value: { data: <the value> }.
      storedSession: async () => {
        const raw = await page.evaluate(() => localStorage.getItem('sb-127-auth-token'))
        return raw ? JSON.parse(JSON.parse(raw).data) : null
      },
    },
  }))

  // The hooks' pages, reached from the index page's buttons and left with their back buttons (navigateBack).
  hookFlows(() => ({ gw, driver: browserHookDriver(page) }))

  it('showed the stream’s first event before its last had been sent (fetch streamed it; Taro.request cannot)', async () => {
    const shown: string[] = await page.evaluate(() => (window as any).__streamShown)
    expect(shown).toContain('第1条消息：你好')
    expect(shown[shown.length - 1]).toBe('第1条消息：你好 | 第2条消息：你好 | 第3条消息：你好 | 完成')
  })

  it('a session supabase-js keeps on H5 (plain JSON in localStorage, not Taro’s {data} wrapper) is the caller, and is refreshed in that form', async () => {
    const session = gw.createSession({ expiresIn: -5 })
    await page.evaluate((value: string) => localStorage.setItem('sb-127-auth-token', value), JSON.stringify(session))
    await page.click('#btn-whoami')
    const shown = await (async () => {
      for (let i = 0; i < 500; i++) {
        const text = await page.textContent('#out-whoami')
        if (text && text !== '…' && text.startsWith('authenticated')) return text
        await new Promise((resolve) => setTimeout(resolve, 20))
      }
    })()
    expect(shown).toBe('authenticated demo@example.com')
    const stored = JSON.parse(await page.evaluate(() => localStorage.getItem('sb-127-auth-token') as string))
    // Written back as supabase-js wrote it: the session itself, no wrapper.
    expect(stored.refresh_token).toEqual(expect.any(String))
    expect(stored.refresh_token).not.toBe(session.refresh_token)
    const mirror = gw.requests.filter((request: any) => request.fn === 'mirror' && request.method !== 'OPTIONS').pop()
    expect(mirror.headers.authorization).toBe(`Bearer ${stored.access_token}`)
    await page.evaluate(() => localStorage.removeItem('sb-127-auth-token'))
  })

  it('raised no error in the page', () => {
    expect(pageErrors).toEqual([])
  })
})
