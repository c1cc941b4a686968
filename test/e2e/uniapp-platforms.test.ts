// fixtures/uniapp-platforms: a uni-app Vue 3 app with mp-functions from the packed tarball, at the one uni-app
// version that has every mini-program platform (3.0.0-5000720260410001), built for mp-weixin, mp-alipay,
// mp-toutiao, mp-qq, mp-baidu and H5. Each build compiles with the plugin in it and keeps only its own
// platform's request shape; the mp-qq build (QQ's page model is WeChat's) runs under Node over a QQ-shaped
// `qq` doing real HTTP, and H5 in Chromium, against the repo's gateway.
import { existsSync, readFileSync, rmSync } from 'fs'
import { join } from 'path'
import { withH5Page } from '../helpers/h5-calls'
// eslint-disable-next-line @typescript-eslint/no-var-requires
const { startGateway } = require('../../gateway')
// eslint-disable-next-line @typescript-eslint/no-var-requires
const { createWx } = require('../helpers/fake-wx')
// eslint-disable-next-line @typescript-eslint/no-var-requires
const { loadMiniProgram } = require('../helpers/mini-program-app')
// eslint-disable-next-line @typescript-eslint/no-var-requires
const { build } = require('../../scripts/demo-uniapp')

jest.setTimeout(300000)

const project = join(__dirname, '..', '..', 'fixtures', 'uniapp-platforms')
const outRoot = join(project, 'dist', 'e2e')

/** What each platform's build asks its `request` for: the shape the plugin kept (see src/transports/request-shapes.ts). */
const WECHAT_SHAPE = 'dataType:"text",responseType:"arraybuffer"'
const platforms = [
  { platform: 'mp-weixin', template: 'wxml', shape: WECHAT_SHAPE },
  { platform: 'mp-alipay', template: 'axml', shape: 'headers:header,dataType:"base64"' },
  { platform: 'mp-toutiao', template: 'ttml', shape: WECHAT_SHAPE },
  { platform: 'mp-qq', template: 'qml', shape: WECHAT_SHAPE },
  { platform: 'mp-baidu', template: 'swan', shape: 'dataType:"string",responseType:"arraybuffer"' },
]
const SHAPES = ['dataType:"text"', 'dataType:"base64"', 'dataType:"string"']

let gw: any
const out: Record<string, string> = {}
beforeAll(async () => {
  gw = await startGateway()
  rmSync(outRoot, { recursive: true, force: true })
  // One after the other: two builds at once need more memory than small CI machines have.
  for (const platform of [...platforms.map((entry) => entry.platform), 'h5']) {
    out[platform] = await build(platform, { project, gatewayUrl: gw.url, anonKey: gw.anonKey, outDir: join(outRoot, platform) })
  }
})
afterAll(async () => {
  if (gw) await gw.close()
})

it.each(platforms)(
  '$platform compiles: the plugin installed by app.use, its page, and only its own request shape',
  ({ platform, template, shape }) => {
    const dir = out[platform]
    expect(existsSync(join(dir, 'pages', 'index', `index.${template}`))).toBe(true)
    const vendor = readFileSync(join(dir, 'common', 'vendor.js'), 'utf8')
    expect(readFileSync(join(dir, 'app.js'), 'utf8')).toMatch(/\.use\(\w+\.FunctionsPlugin,\{url:"http:\/\/127\.0\.0\.1:\d+"/)
    expect(vendor).toContain(shape)
    const kept = SHAPES.filter((fields) => vendor.includes(fields))
    expect(kept).toEqual(SHAPES.filter((fields) => shape.includes(fields)))
  },
)

const last = (fn: string) => gw.requests.filter((request: any) => request.fn === fn && request.method !== 'OPTIONS').pop()

it('mp-qq, run under Node over a QQ-shaped qq.request: this.$functions, uni.$functions, an HTTP error as FunctionsHttpError', async () => {
  const qq = createWx({ platform: 'qq' })
  const page = loadMiniProgram(out['mp-qq'], { wx: qq, global: 'qq', template: '.qml' }).openPage('pages/index/index')
  page.tap('run-options')
  expect(await page.waitForText('options')).toBe('Hello uni-app!')
  expect(last('hello').headers.apikey).toBe(gw.anonKey)
  page.tap('run-global')
  expect(await page.waitForText('global')).toBe('Hello uni.$functions!')
  page.tap('run-error')
  expect(await page.waitForText('error')).toBe('FunctionsHttpError 418')
  expect(qq.__requests.map((request: any) => request.url.replace(gw.url, ''))).toEqual([
    '/functions/v1/hello',
    '/functions/v1/hello',
    '/functions/v1/status/418',
  ])
})

it('H5, in Chromium: the same calls', () =>
  withH5Page(out.h5, async (press) => {
    expect(await press('run-options', 'options')).toBe('Hello uni-app!')
    expect(await press('run-global', 'global')).toBe('Hello uni.$functions!')
    expect(await press('run-error', 'error')).toBe('FunctionsHttpError 418')
  }))
