import { mkdtempSync, rmSync } from 'fs'
import { tmpdir } from 'os'
import { join } from 'path'
import { browserHookDriver, hookFlows, miniProgramHookDriver } from '../helpers/hook-demo-flows'
import { eventually } from '../helpers/transport-suite'
import { runFlows } from '../helpers/uniapp-demo-flows'
// eslint-disable-next-line @typescript-eslint/no-var-requires
const { startGateway } = require('../../gateway')
// eslint-disable-next-line @typescript-eslint/no-var-requires
const { createWx } = require('../helpers/fake-wx')
// eslint-disable-next-line @typescript-eslint/no-var-requires
const { loadMiniProgram } = require('../helpers/mini-program-app')
// eslint-disable-next-line @typescript-eslint/no-var-requires
const { startDemoUniapp } = require('../../scripts/demo-uniapp')
// eslint-disable-next-line @typescript-eslint/no-var-requires
const { launchChromium } = require('../helpers/chromium')

// demo-uniapp built for mp-weixin and H5 against a gateway of this test's own, then driven the
// way a user would: taps on the page, results read from what the page shows, and the gateway's
// log checked for what really went over the wire.

const STORAGE_KEY = 'sb-127-auth-token'
const lastCall = (fn: string) => [...gw.requests].reverse().find((r: any) => r.path == '/functions/v1/' + fn)
let gw: any
let demo: { h5Url: string; mpWeixinDir: string; close(): Promise<void> }
let outRoot: string

beforeAll(async () => {
  gw = await startGateway({ port: 0 })
  outRoot = mkdtempSync(join(tmpdir(), 'demo-uniapp-'))
  demo = await startDemoUniapp({ gatewayUrl: gw.url, outRoot })
}, 240000)

afterAll(async () => {
  if (demo) await demo.close()
  if (gw) await gw.close()
  rmSync(outRoot, { recursive: true, force: true })
})

describe('demo-uniapp on mp-weixin (the build under Node, fake wx with real HTTP and storage)', () => {
  const open = (route: string) => {
    const wx = createWx()
    // uni-app's runtime preloads assets a few seconds after start.
    wx.preloadAssets = () => {}
    const app = loadMiniProgram(demo.mpWeixinDir, { wx })
    return { wx, page: app.openPage(route) }
  }

  it('calls through this.$functions and uni.$functions, signed in, with errors, binary, Chinese text and a stream', async () => {
    const { wx, page } = open('pages/index/index')
    await runFlows(gw, {
      tap: async (id) => page.tap(id),
      result: (id) => page.waitForText(id),
      storedSession: async () => JSON.parse(wx.getStorageSync(STORAGE_KEY)),
    })
    // Every call went through uni.request → wx.request, asking for bytes.
    const calls = wx.__requests.filter((r: any) => r.url.includes('/functions/v1/'))
    expect(calls.length).toBe(9)
    expect(calls.every((r: any) => r.responseType == 'arraybuffer')).toBe(true)
    // Streaming by the answer: every call asks for chunks, and the answers that were not streams came whole.
    expect(calls.filter((r: any) => !r.enableChunked)).toEqual([])
    expect(wx.__callbackErrors).toEqual([])
  })

  it('calls through useFunctions() in <script setup>', async () => {
    const { page } = open('pages/setup/setup')
    page.tap('run-setup')
    expect(await page.waitForText('setup')).toBe('Hello useFunctions!')
    expect(JSON.parse(lastCall('hello').body.toString())).toEqual({ name: 'useFunctions' })
  })

  // The hooks' pages (mp-functions/uniapp/vue), opened as navigateTo opens them and closed with onUnload.
  describe('request hooks', () => {
    const wx = createWx()
    wx.preloadAssets = () => {}
    let program: any
    let index: any
    beforeAll(() => {
      program = loadMiniProgram(demo.mpWeixinDir, { wx })
      index = program.openPage('pages/index/index')
    })
    hookFlows(() => ({ gw, driver: miniProgramHookDriver(program, index, (name) => `pages/${name}/${name}`, wx) }))
  })
})

describe('demo-uniapp on H5 (the build served on 127.0.0.1, in Chromium)', () => {
  let chromium: { context: import('playwright-core').BrowserContext; close(): Promise<void> }
  beforeAll(async () => {
    chromium = await launchChromium()
  }, 60000)
  afterAll(() => chromium && chromium.close())

  const open = async (route: string) => {
    const page = await chromium.context.newPage()
    const problems: string[] = []
    page.on('pageerror', (error) => problems.push(String(error)))
    await page.goto(demo.h5Url + '#/' + route)
    return { page, problems }
  }
  const textOf = (page: any, id: string) =>
    page
      .waitForFunction(
        (selector: string) => {
          const element = document.querySelector(selector)
          return element && element.textContent && element.textContent.trim()
        },
        '#' + id,
        { timeout: 15000 },
      )
      .then((handle: any) => handle.jsonValue())

  it('calls through this.$functions and uni.$functions, signed in, with errors, binary, Chinese text and a stream', async () => {
    const { page, problems } = await open('pages/index/index')
    await runFlows(gw, {
      tap: (id) => page.click('#' + id),
      result: (id) => textOf(page, id),
      storedSession: async () => JSON.parse(await page.evaluate((key) => localStorage.getItem(key)!, STORAGE_KEY)),
    })
    expect(problems).toEqual([])
  }, 60000)

  it('a timeout aborts the request: the gateway sees the connection closed', async () => {
    const { page, problems } = await open('pages/index/index')
    await page.waitForFunction(() => (window as any).uni && (window as any).uni.$functions)
    gw.clearRequests()
    const code = await page.evaluate(async () => {
      const { error } = await (window as any).uni.$functions.invoke('slow?ms=5000', { timeout: 200 })
      return error && error.code
    })
    expect(code).toBe('TIMEOUT')
    await eventually(() => gw.requests.some((r: any) => r.path == '/functions/v1/slow' && r.aborted))
    expect(problems).toEqual([])
  }, 30000)

  it('calls through useFunctions() in <script setup>', async () => {
    const { page, problems } = await open('pages/setup/setup')
    await page.click('#run-setup')
    expect(await textOf(page, 'setup')).toBe('Hello useFunctions!')
    expect(problems).toEqual([])
  }, 30000)

  // The hooks' pages, reached from the index page's buttons and left with their back buttons (navigateBack).
  describe('request hooks', () => {
    let page: any
    let problems: string[] = []
    beforeAll(async () => {
      const opened = await open('pages/index/index')
      page = opened.page
      problems = opened.problems
      await page.waitForSelector('#nav-chat')
    })
    hookFlows(() => ({ gw, driver: browserHookDriver(page) }))
    it('raised no error in the page', () => {
      expect(problems).toEqual([])
    })
  })
})
