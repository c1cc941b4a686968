// demo-taro's Vue 3 app (src-vue/, `app.use(functionsPlugin)`) built for WeChat and run under Node
// like the React one: `this.$functions` in a method and `$functions` in a template, over real HTTP.
// eslint-disable-next-line @typescript-eslint/no-var-requires
const { startGateway } = require('../../gateway')
// eslint-disable-next-line @typescript-eslint/no-var-requires
const { createWx } = require('../helpers/fake-wx')
// eslint-disable-next-line @typescript-eslint/no-var-requires
const { loadMiniApp } = require('../helpers/mini-app')
// eslint-disable-next-line @typescript-eslint/no-var-requires
const { buildTaro } = require('../../scripts/taro-build')

jest.setTimeout(180000)

let gw: any
let mini: any
let page: any

beforeAll(async () => {
  gw = await startGateway()
  const { out } = await buildTaro({ type: 'weapp', framework: 'vue3', url: gw.url })
  mini = loadMiniApp(out, createWx())
  page = await mini.openPage('pages/index/index')
})

afterAll(async () => {
  if (mini) mini.close()
  if (gw) await gw.close()
})

const shown = (value: string) => value !== ''

it('this.$functions in a component method', async () => {
  page.tap('btn-hello')
  expect(await page.waitForText('out-hello', shown)).toBe('Hello Vue 3!')
  const request = gw.requests.find((entry: any) => entry.fn === 'hello')
  expect(request.headers.apikey).toBe(gw.anonKey)
  expect(JSON.parse(request.body.toString())).toEqual({ name: 'Vue 3' })
})

it('$functions in a template', async () => {
  page.tap('btn-text')
  expect(await page.waitForText('out-text', shown)).toBe('你好，世界！🌏 mp-functions')
})
