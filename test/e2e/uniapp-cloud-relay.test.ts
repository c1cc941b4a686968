// demo-uniapp's mp-weixin build with cloudRelay in app.use (FUNCTIONS_CLOUD_RELAY=1), run under Node with
// a `wx` whose request reaches no domain (a Supabase project cannot be on the list) and whose `wx.cloud`
// runs the shipped relay cloud function: the demo's flows, through the relay.
import { mkdtempSync, rmSync } from 'fs'
import { tmpdir } from 'os'
import { join } from 'path'
import { closeRelays, wxWithRelay } from '../helpers/cloud-relay'
import { runFlows } from '../helpers/uniapp-demo-flows'
// eslint-disable-next-line @typescript-eslint/no-var-requires
const { startGateway } = require('../../gateway')
// eslint-disable-next-line @typescript-eslint/no-var-requires
const { loadMiniProgram } = require('../helpers/mini-program-app')
// eslint-disable-next-line @typescript-eslint/no-var-requires
const { build } = require('../../scripts/demo-uniapp')

jest.setTimeout(240000)

let gw: any
let outDir: string

beforeAll(async () => {
  gw = await startGateway()
  outDir = mkdtempSync(join(tmpdir(), 'demo-uniapp-relay-'))
  await build('mp-weixin', { gatewayUrl: gw.url, outDir, throughRelay: true })
})

afterAll(async () => {
  closeRelays()
  if (gw) await gw.close()
  rmSync(outDir, { recursive: true, force: true })
})

it('every flow through the relay; the gateway saw only the relay’s requests, none came through wx.request', async () => {
  // The relay gives up on an answer after 3 s: the demo's never-ending feed ends there.
  const wx = wxWithRelay(() => ({ RELAY_ORIGINS: gw.url, RELAY_TIMEOUT_MS: '3000' }))
  // uni-app's runtime preloads assets a few seconds after start.
  wx.preloadAssets = () => {}
  const page = loadMiniProgram(outDir, { wx }).openPage('pages/index/index')
  await runFlows(
    gw,
    {
      tap: async (id) => page.tap(id),
      result: (id) => page.waitForText(id, undefined, 15000),
      storedSession: async () => JSON.parse(wx.getStorageSync('sb-127-auth-token')),
    },
    { throughRelay: true },
  )
  expect(wx.__requests).toHaveLength(0)
  const relayed = wx.cloud.__calls.map((call: any) => new URL(call.event.url).pathname)
  expect(relayed).toContain('/auth/v1/token')
  expect(relayed.filter((path: string) => path.startsWith('/functions/v1/')).length).toBe(9)
  expect(gw.requests.length).toBeLessThanOrEqual(wx.cloud.__calls.length)
  expect(wx.__callbackErrors).toEqual([])
})
