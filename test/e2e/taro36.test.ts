// fixtures/taro36: a Taro 3.6.40 React app set up only as the README says (the plugin in config/index.ts,
// Taro.$functions, this.$functions, useFunctions()), with mp-functions from the packed tarball
// (scripts/prepare-demos.js). It installs without --legacy-peer-deps, type-checks, and its builds run the calls:
// weapp under Node with the fake wx, H5 in Chromium, both against the repo's gateway.
import { execFile } from 'child_process'
import { existsSync } from 'fs'
import { join } from 'path'
// eslint-disable-next-line @typescript-eslint/no-var-requires
const { startGateway } = require('../../gateway')
// eslint-disable-next-line @typescript-eslint/no-var-requires
const { createWx } = require('../helpers/fake-wx')
// eslint-disable-next-line @typescript-eslint/no-var-requires
const { loadMiniProgram } = require('../helpers/mini-program-app')
// eslint-disable-next-line @typescript-eslint/no-var-requires
const { launchChromium } = require('../helpers/chromium')
// eslint-disable-next-line @typescript-eslint/no-var-requires
const { buildTaro } = require('../../scripts/taro-build')
// eslint-disable-next-line @typescript-eslint/no-var-requires
const { serveStatic } = require('../../scripts/static-server')

jest.setTimeout(180000)

const project = join(__dirname, '..', '..', 'fixtures', 'taro36')
const bin = (name: string) => join(project, 'node_modules', '.bin', name)
const run = (command: string, args: string[]) =>
  new Promise<{ code: number; output: string }>((resolve) => {
    execFile(command, args, { cwd: project, maxBuffer: 16 << 20 }, (error, stdout, stderr) =>
      resolve({ code: error ? Number(error.code) || 1 : 0, output: stdout + stderr }),
    )
  })

interface Driver {
  tap(id: string): unknown
  waitForText(id: string): Promise<string>
}

let gw: any

beforeAll(async () => {
  gw = await startGateway()
})
afterAll(async () => {
  if (gw) await gw.close()
})

it('is installed from the tarball with Taro 3.6.40, and npm finds every peer satisfied (no --legacy-peer-deps)', async () => {
  expect(existsSync(join(project, '.npmrc'))).toBe(false)
  expect(require(join(project, 'node_modules', '@tarojs', 'taro', 'package.json')).version).toBe('3.6.40')
  const { code, output } = await run('npm', ['ls', 'mp-functions', '@tarojs/taro'])
  expect(output).not.toMatch(/invalid|ERR/)
  expect(code).toBe(0)
})

it('type-checks: Taro.$functions, this.$functions and useFunctions() typed by the shipped declarations', async () => {
  expect(await run(bin('tsc'), ['-p', '.'])).toEqual({ code: 0, output: '' })
})

/** The page's calls, asserted on what it shows and on what the gateway received. */
function calls(driver: () => Driver) {
  const press = async (name: string) => {
    await driver().tap(`btn-${name}`)
    return driver().waitForText(`out-${name}`)
  }
  const last = (fn: string) => gw.requests.filter((request: any) => request.fn === fn && request.method !== 'OPTIONS').pop()

  it('this.$functions in a class component: the anon key as apikey and Bearer, a JSON body', async () => {
    expect(await press('class')).toBe('{"message":"Hello class!"}')
    expect(last('hello').headers.apikey).toBe(gw.anonKey)
    expect(last('hello').headers.authorization).toBe(`Bearer ${gw.anonKey}`)
  })

  it('useFunctions() in a function component', async () => {
    expect(await press('hook')).toBe('{"message":"Hello hook!"}')
    expect(JSON.parse(last('hello').body.toString())).toEqual({ name: 'hook' })
  })

  it('Taro.$functions: Chinese text and binary bytes both ways', async () => {
    expect(JSON.parse(await press('text')).bodyText).toBe('中文往返🌏')
    expect(last('mirror').body.toString('utf8')).toBe('中文往返🌏')
    expect(await press('binary')).toBe('[0,1,128,255]')
    expect(Array.from(last('binary').body)).toEqual([0, 1, 128, 255])
  })

  it('a non-2xx answer is an HTTP error with its status', async () => {
    expect(await press('error')).toBe('HTTP_ERROR 418')
  })

  it('cancels the request although the app’s interceptor dropped abort() from Taro’s promise', async () => {
    expect(await press('cancel')).toBe('ABORTED')
    // The gateway saw the connection closed: the request itself was aborted, not just the promise.
    const slow = last('slow')
    for (let i = 0; i < 100 && !slow.aborted; i++) await new Promise((resolve) => setTimeout(resolve, 20))
    expect(slow.aborted).toBe(true)
  })
}

describe('weapp, run under Node', () => {
  let page: any
  let wx: any
  beforeAll(async () => {
    const { out } = await buildTaro({ project, type: 'weapp', url: gw.url, anonKey: gw.anonKey, out: 'e2e-weapp' })
    wx = createWx()
    page = loadMiniProgram(out, { wx }).openPage('pages/index/index')
    await page.waitForText('btn-class')
  })

  calls(() => ({ tap: (id) => page.tap(id), waitForText: (id) => page.waitForText(id) }))

  it('sent every call through wx.request (Taro.request), asking for bytes', () => {
    const sent = wx.__requests.filter((request: any) => request.url.includes('/functions/v1/'))
    expect(sent.length).toBe(6)
    expect(sent.every((request: any) => request.responseType == 'arraybuffer')).toBe(true)
  })
})

describe('H5, in Chromium', () => {
  let browser: any
  let site: any
  let page: any
  const pageErrors: string[] = []
  beforeAll(async () => {
    const { out } = await buildTaro({ project, type: 'h5', url: gw.url, anonKey: gw.anonKey, out: 'e2e-h5' })
    site = await serveStatic(out)
    browser = await launchChromium()
    page = await browser.context.newPage()
    page.on('pageerror', (error: Error) => pageErrors.push(String(error)))
    await page.goto(site.url)
    await page.waitForSelector('#btn-class')
  })
  afterAll(async () => {
    if (browser) await browser.close()
    if (site) await site.close()
  })

  calls(() => ({
    tap: (id) => page.click(`#${id}`),
    waitForText: async (id) => {
      await page.waitForFunction((selector: string) => document.querySelector(selector)?.textContent, `#${id}`)
      return page.textContent(`#${id}`)
    },
  }))

  it('raised no error in the page', () => {
    expect(pageErrors).toEqual([])
  })
})
