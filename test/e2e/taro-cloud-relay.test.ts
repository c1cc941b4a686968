// demo-taro's weapp build with cloudRelay turned on in config/index.ts (MP_FUNCTIONS_CLOUD_RELAY=1), run
// under Node with a `wx` whose request reaches no domain (a Supabase project cannot be on the list) and
// whose `wx.cloud` runs the shipped relay cloud function: every flow of the demo, through the relay.
import { closeRelays, wxWithRelay } from '../helpers/cloud-relay'
import { demoFlows } from '../helpers/taro-demo-flows'
// eslint-disable-next-line @typescript-eslint/no-var-requires
const { startGateway } = require('../../gateway')
// eslint-disable-next-line @typescript-eslint/no-var-requires
const { loadMiniProgram } = require('../helpers/mini-program-app')
// eslint-disable-next-line @typescript-eslint/no-var-requires
const { buildTaro } = require('../../scripts/taro-build')

jest.setTimeout(240000)

let gw: any
let wx: any
let page: any

beforeAll(async () => {
  gw = await startGateway()
  const { out } = await buildTaro({ type: 'weapp', url: gw.url, throughRelay: true })
  // The relay gives up on an answer after 6 s: the demo's never-ending feed ends there.
  wx = wxWithRelay(() => ({ RELAY_ORIGINS: gw.url, RELAY_TIMEOUT_MS: '6000' }))
  page = loadMiniProgram(out, { wx }).openPage('pages/index/index')
  await page.waitForText('btn-class')
})

afterAll(async () => {
  closeRelays()
  if (gw) await gw.close()
})

demoFlows(
  () => ({
    gw,
    driver: {
      tap: (id) => page.tap(id),
      waitForText: (id, predicate) => page.waitForText(id, predicate, 15000),
      storedSession: async () => {
        const stored = wx.getStorageSync('sb-127-auth-token')
        return stored ? JSON.parse(stored) : null
      },
    },
  }),
  { throughRelay: true },
)

it('the gateway saw only the relay’s requests: nothing went through wx.request, every call through wx.cloud.callFunction', () => {
  expect(wx.__requests).toHaveLength(0)
  const relayed = wx.cloud.__calls.map((call: any) => new URL(call.event.url).pathname)
  expect(relayed).toContain('/auth/v1/token')
  expect(relayed.filter((path: string) => path.startsWith('/functions/v1/')).length).toBeGreaterThan(10)
  // Every request the gateway saw came from a relay call (the demo's own requests included).
  expect(gw.requests.length).toBeLessThanOrEqual(wx.cloud.__calls.length)
})
