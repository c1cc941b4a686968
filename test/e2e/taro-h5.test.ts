// demo-taro built for H5, served on 127.0.0.1 and driven in Debian's Chromium: the same flows as
// on weapp, over Taro's fetch-based request, asserted on the page and on the gateway.
import { demoFlows } from '../helpers/taro-demo-flows'
// eslint-disable-next-line @typescript-eslint/no-var-requires
const { startGateway } = require('../../gateway')
// eslint-disable-next-line @typescript-eslint/no-var-requires
const { buildTaro } = require('../helpers/taro-build')
// eslint-disable-next-line @typescript-eslint/no-var-requires
const { serveStatic } = require('../helpers/static-server')
// eslint-disable-next-line @typescript-eslint/no-var-requires
const { launchChromium } = require('../helpers/chromium')

jest.setTimeout(240000)

let gw: any
let site: any
let browser: any
let page: any
const pageErrors: string[] = []

beforeAll(async () => {
  gw = await startGateway()
  const { out } = await buildTaro({ type: 'h5', url: gw.url })
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
  if (gw) await gw.close()
})

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

it('raised no error in the page', () => {
  expect(pageErrors).toEqual([])
})
