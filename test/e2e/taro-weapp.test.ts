// demo-taro built for WeChat, run under Node: the real compiled Taro runtime, React and the plugin,
// with a `wx` whose request does real HTTP to the gateway. Taps on the page, assertions on what the
// page shows and on what the gateway received.
// eslint-disable-next-line @typescript-eslint/no-var-requires
const { startGateway } = require('../../gateway')
// eslint-disable-next-line @typescript-eslint/no-var-requires
const { createWx } = require('../helpers/fake-wx')
// eslint-disable-next-line @typescript-eslint/no-var-requires
const { loadMiniApp } = require('../helpers/mini-app')
// eslint-disable-next-line @typescript-eslint/no-var-requires
const { buildTaro } = require('../helpers/taro-build')

jest.setTimeout(180000)

let gw: any
let wx: any
let mini: any
let page: any

const done = (value: string) => value !== '' && value !== '…'
const press = (name: string) => {
  page.tap(`btn-${name}`)
  return page.waitForText(`out-${name}`, done)
}
const received = (fn: string) => gw.requests.filter((request: any) => request.fn === fn)
const last = (fn: string) => received(fn)[received(fn).length - 1]

beforeAll(async () => {
  gw = await startGateway()
  const { out } = await buildTaro({ type: 'weapp', url: gw.url })
  wx = createWx()
  mini = loadMiniApp(out, wx)
  page = await mini.openPage('pages/index/index')
})

afterAll(async () => {
  if (mini) mini.close()
  if (gw) await gw.close()
})

it('this.$functions in a class component: the anon key as apikey and Bearer, the JSON body', async () => {
  expect(await press('class')).toBe('Hello 类组件!')
  const request = last('hello')
  expect(request.headers.apikey).toBe(gw.anonKey)
  expect(request.headers.authorization).toBe(`Bearer ${gw.anonKey}`)
  expect(request.headers['content-type']).toBe('application/json')
  expect(JSON.parse(request.body.toString())).toEqual({ name: '类组件' })
})

it('useFunctions() in a function component', async () => {
  expect(await press('hook')).toBe('Hello Hook!')
  expect(JSON.parse(last('hello').body.toString())).toEqual({ name: 'Hook' })
})

it('Taro.$functions, with Chinese text both ways and binary bytes both ways', async () => {
  expect(await press('text')).toBe('你好，世界！🌏 mp-functions')
  expect(await press('chinese')).toBe('中文往返：你好，世界🌏')
  expect(last('mirror').body.toString('utf8')).toBe('中文往返：你好，世界🌏')
  expect(await press('binary')).toBe('[0,1,127,128,255]')
  expect(last('binary').headers['content-type']).toBe('application/octet-stream')
  expect(Array.from(last('binary').body)).toEqual([0, 1, 127, 128, 255])
})

it('signs in, keeps the session in Taro storage, and calls with the user’s token', async () => {
  expect(await press('signin')).toBe('已登录 demo@example.com')
  const session = JSON.parse(wx.getStorageSync('sb-127-auth-token'))
  expect(session.access_token).toEqual(expect.any(String))
  expect(await press('whoami')).toBe('authenticated demo@example.com')
  expect(last('mirror').headers.authorization).toBe(`Bearer ${session.access_token}`)
  expect(last('mirror').headers.apikey).toBe(gw.anonKey)
  expect(await press('signout')).toBe('已退出')
  page.tap('btn-whoami')
  expect(await page.waitForText('out-whoami', (value: string) => value.startsWith('anon'))).toMatch(/^anon/)
  expect(last('mirror').headers.authorization).toBe(`Bearer ${gw.anonKey}`)
})

it('shows an HTTP error with the function’s own message', async () => {
  expect(await press('error')).toBe("出错了 418: I'm a Teapot")
})

it('cancels a call for real although the app’s interceptor dropped abort() from Taro’s promise', async () => {
  expect(await press('cancel')).toMatch(/^出错了 ABORTED/)
  const slow = last('slow')
  for (let i = 0; i < 100 && !slow.aborted; i++) await new Promise((resolve) => setTimeout(resolve, 20))
  expect(slow.aborted).toBe(true)
})
