'use strict'
// 6. cloudRelay: the cost per call of the relay's own part, beside a direct request. Both clients call
// the gateway over loopback with the fake wx's real HTTP; the relayed one goes through the wx.cloud
// stand-in, which runs the shipped relay cloud function in a Node process of its own (JSON both ways,
// base64 for bytes, one more HTTP client). WeChat's own callFunction round trip and cold starts are
// not in it: they can only be measured on a device.
const path = require('path')
const { createFunctions, miniProgramTransport, cloudRelay } = require('../dist/index.cjs')
const { startGateway } = require('../gateway')
const { createWx } = require('../test/helpers/fake-wx')
const { interleave, now } = require('./stats')

const RELAY_DIR = path.join(__dirname, '..', 'cloudfunctions', 'mp-functions-relay')

async function run({ smoke = false } = {}) {
  const gw = await startGateway()
  const wx = createWx({ cloudFunctions: { 'mp-functions-relay': { dir: RELAY_DIR, env: { RELAY_ORIGINS: gw.url }, timeoutSeconds: 20 } } })
  wx.cloud.init()
  const options = { url: gw.url, anonKey: gw.anonKey, transport: miniProgramTransport(wx.request) }
  const clients = {
    'direct (wx.request)': createFunctions(options),
    'cloudRelay (wx.cloud.callFunction → relay)': createFunctions(Object.assign({ features: [cloudRelay({ cloud: wx.cloud })] }, options)),
  }
  const calls = smoke ? 3 : 50
  const bodies = { 'JSON, 30 B': { name: '世界' }, 'JSON, 20 KB': { name: 'n', pad: 'x'.repeat(20 * 1024) } }
  const rows = []
  try {
    for (const [label, body] of Object.entries(bodies)) {
      const { medians, ratio } = await interleave(clients, { rounds: smoke ? 2 : 9, warmup: 1 }, async (client) => {
        const started = now()
        for (let i = 0; i < calls; i++) {
          const { error } = await client.invoke('hello', { body })
          if (error) throw error
        }
        return Number(now() - started) / 1e6 / calls
      })
      const [direct, relayed] = Object.keys(clients)
      rows.push([
        label,
        medians[direct].toFixed(2),
        medians[relayed].toFixed(2),
        (medians[relayed] - medians[direct]).toFixed(2),
        ratio(relayed, direct).toFixed(2),
      ])
    }
  } finally {
    wx.cloud.__close()
    await gw.close()
  }
  return {
    title: '6. cloudRelay: the relay’s own cost per call (loopback, stand-in for wx.cloud)',
    head: ['body', 'direct ms/call', 'relayed ms/call', 'added ms', 'relayed / direct (×)'],
    rows,
    goals: [],
    notes:
      'Sequential calls, medians of interleaved rounds. On a device a relayed call also pays WeChat’s `callFunction` round trip to CloudBase and, after idle time, the cloud function’s cold start: measure those on a real phone.',
  }
}

module.exports = { run }
