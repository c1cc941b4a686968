// demo-taro's Vue 3 app (src-vue/, `app.use(functionsPlugin)`), built for WeChat (run under Node like
// the React one) and for H5 (in Chromium): `this.$functions` in a method, `$functions` in a template.
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
const { buildTaro } = require('../../scripts/taro-build')
// eslint-disable-next-line @typescript-eslint/no-var-requires
const { serveStatic } = require('../../scripts/static-server')

jest.setTimeout(180000)

interface Driver {
  tap(id: string): unknown
  text(id: string): Promise<string>
}

let gw: any

beforeAll(async () => {
  gw = await startGateway()
})

afterAll(() => gw.close())

async function press(driver: Driver, name: string) {
  await driver.tap(`btn-${name}`)
  for (let i = 0; i < 500; i++) {
    const text = await driver.text(`out-${name}`)
    if (text) return text
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
  throw new Error(`#out-${name} stayed empty`)
}

function vueFlows(driver: () => Driver) {
  it('this.$functions in a component method', async () => {
    gw.clearRequests()
    expect(await press(driver(), 'hello')).toBe('Hello Vue 3!')
    const request = gw.requests.find((entry: any) => entry.fn === 'hello' && entry.method === 'POST')
    expect(request.headers.apikey).toBe(gw.anonKey)
    expect(JSON.parse(request.body.toString())).toEqual({ name: 'Vue 3' })
  })

  it('$functions in a template', async () => {
    expect(await press(driver(), 'text')).toBe('你好，世界！🌏 mp-functions')
  })
}

describe('weapp, run under Node', () => {
  let page: any
  let program: any
  const wx = createWx()
  beforeAll(async () => {
    const { out } = await buildTaro({ type: 'weapp', framework: 'vue3', url: gw.url })
    program = loadMiniProgram(out, { wx })
    page = program.openPage('pages/index/index')
    await page.waitForText('btn-hello')
  })

  vueFlows(() => ({ tap: (id) => page.tap(id), text: async (id) => page.text(id) }))
  // The hooks' pages (mp-functions/taro/vue), opened as navigateTo opens them and closed with onUnload.
  hookFlows(() => ({ gw, driver: miniProgramHookDriver(program, page, (name) => `pages/${name}/index`, wx) }))
})

describe('H5, in Chromium', () => {
  let site: any
  let browser: any
  let page: any
  beforeAll(async () => {
    const { out } = await buildTaro({ type: 'h5', framework: 'vue3', url: gw.url })
    site = await serveStatic(out)
    browser = await launchChromium()
    page = await browser.context.newPage()
    await page.goto(site.url)
    await page.waitForSelector('#btn-hello')
  })
  afterAll(async () => {
    if (browser) await browser.close()
    if (site) await site.close()
  })

  vueFlows(() => ({ tap: (id) => page.click(`#${id}`), text: (id) => page.textContent(`#${id}`) }))
  // The hooks' pages, reached from the index page's buttons and left with their back buttons (navigateBack).
  hookFlows(() => ({ gw, driver: browserHookDriver(page) }))
})
