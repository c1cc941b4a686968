// The shipped relay, run by the wx.cloud stand-in, as a transport for the suites.
import * as path from 'path'
import { cloudRelay, miniProgramTransport, type Transport } from '../../src'
// eslint-disable-next-line @typescript-eslint/no-var-requires
const { createWx } = require('./fake-wx')

export const RELAY_DIR = path.join(__dirname, '..', '..', 'cloudfunctions', 'mp-functions-relay')

const opened: any[] = []

/** A `wx` whose cloud runs the relay with `env()` (read at each call), and whose `wx.request` reaches nothing (no domain is listed). */
export function wxWithRelay(env: () => Record<string, string>, timeoutSeconds = 20) {
  const wx = createWx({ allowedDomains: [], cloudFunctions: { 'mp-functions-relay': { dir: RELAY_DIR, env, timeoutSeconds } } })
  wx.cloud.init()
  opened.push(wx)
  return wx
}

/** Stops every relay instance started (call in afterAll). */
export function closeRelays() {
  for (const wx of opened.splice(0)) wx.cloud.__close()
}

/** The relay as a transport: what `cloudRelay()` puts in the transport's place on WeChat. */
export const relayTransport = (wx: any, options = {}): Transport =>
  cloudRelay({ cloud: wx.cloud, ...options }).wrapTransport!(miniProgramTransport(wx.request))

/** A relay transport for a suite that sends to the origins it is told of, on any path. */
export function suiteRelay() {
  const origins: string[] = []
  let wx: any
  return {
    allowOrigin: (origin: string) => void origins.push(origin),
    makeTransport(): Transport {
      wx = wx || wxWithRelay(() => ({ RELAY_ORIGINS: origins.join(','), RELAY_PATHS: '/' }))
      return relayTransport(wx)
    },
    get wx() {
      return wx
    },
  }
}
