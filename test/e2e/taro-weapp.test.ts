// demo-taro built for WeChat, run under Node: the real compiled Taro runtime, React and the plugin,
// with a `wx` whose request does real HTTP to the gateway and whose storage is real key/value state.
import { demoFlows } from '../helpers/taro-demo-flows'
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
let mini: any
let page: any
let wx: any

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
