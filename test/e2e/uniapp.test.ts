import { mkdtempSync, rmSync } from 'fs'
import { tmpdir } from 'os'
import { join } from 'path'
import { browserHookDriver, hookFlows, miniProgramHookDriver } from '../helpers/hook-demo-flows'
import { eventually } from '../helpers/transport-suite'
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

/** What both platforms offer the flows. */
interface Driver {
  tap(id: string): Promise<void>
  /** The element's text once it is not empty. */
  result(id: string): Promise<string>
  storedSession(): Promise<any>
}

const STORAGE_KEY = 'sb-127-auth-token'
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

const decodeJwt = (token: string) => JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString())
const lastCall = (fn: string) => [...gw.requests].reverse().find((r: any) => r.path == '/functions/v1/' + fn)

/** The same flows and the same assertions on every platform. */
async function runFlows(page: Driver) {
  gw.clearRequests()

  await page.tap('run-options')
  expect(await page.result('options')).toBe('Hello Options API!')
  const hello = lastCall('hello')
  expect(JSON.parse(hello.body.toString())).toEqual({ name: 'Options API' })
  expect(hello.headers.apikey).toBe(gw.anonKey)
  expect(hello.headers.authorization).toBe('Bearer ' + gw.anonKey)

  await page.tap('run-global')
  expect(await page.result('global')).toBe('Hello uni.$functions!')
  expect(JSON.parse(lastCall('hello').body.toString())).toEqual({ name: 'uni.$functions' })

  await page.tap('run-sign-in')
  expect(await page.result('sign-in')).toBe('signed in as demo@example.com')
  expect(await page.result('signed-in')).toBe('authenticated demo@example.com')
  const session = await page.storedSession()
  const mirror = lastCall('mirror')
  expect(mirror.headers.authorization).toBe('Bearer ' + session.access_token)
  expect(mirror.headers.apikey).toBe(gw.anonKey)
  expect(decodeJwt(session.access_token)).toMatchObject({ email: 'demo@example.com', role: 'authenticated' })

  await page.tap('run-error')
  expect(await page.result('error')).toBe('FunctionsHttpError 418: 函数出错了: 418')
  expect(lastCall('status/418').query).toMatchObject({ type: 'text' })

  await page.tap('run-binary')
  expect(await page.result('binary')).toBe('0,1,127,128,254,255')
  expect([...lastCall('binary').body]).toEqual([0, 1, 127, 128, 254, 255])
  expect(lastCall('binary').headers['content-type']).toBe('application/octet-stream')

  await page.tap('run-chinese')
  expect(await page.result('chinese')).toBe('Hello 世界! 你好，世界！🌏 mp-functions')
  expect(JSON.parse(lastCall('hello').body.toString('utf8'))).toEqual({ name: '世界' })
  await page.tap('run-stream')
  expect(await page.result('stream')).toBe('第1条消息：你好 | 第2条消息：你好 | 第3条消息：你好 | done')
  // A never-ending stream resolves at its headers with the plugin's defaults; cancel() closes the socket.
  await page.tap('run-feed')
  expect(await page.result('feed')).toBe('1,2,3 cancelled')
  const feed = lastCall('feed')
  for (let i = 0; i < 100 && !feed.aborted; i++) await new Promise((resolve) => setTimeout(resolve, 20))
  expect(feed.aborted).toBe(true)

  // Signed in from here on: the user's token, never sent anywhere but the gateway.
  expect(lastCall('text').headers.authorization).toBe('Bearer ' + session.access_token)
  expect(gw.requests.every((r: any) => r.headers.host == new URL(gw.url).host)).toBe(true)
}

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
    await runFlows({
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
    await runFlows({
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
