// Run by test/uni-interceptor.test.ts: uni-app's real `uni` (mp-weixin API layer) over a `wx` whose
// request does real HTTP, the plugin's transport over it, and the app's `uni.addInterceptor` variants.
import { register } from 'node:module'
import { createRequire } from 'node:module'
register(new URL('./uni-api-hooks.mjs', import.meta.url))
const require = createRequire(import.meta.url)
const root = new URL('../../', import.meta.url).pathname
const { createWx } = require('./fake-wx/index.js')
const { startGateway } = require(root + 'gateway')
const { createFunctions, miniProgramTransport } = require(root + 'dist/index.cjs')

globalThis.wx = createWx()
const { default: uni } = await import(root + 'demo-uniapp/node_modules/@dcloudio/uni-mp-weixin/dist/uni.api.esm.js')
const gateway = await startGateway()
// The same call uniTransport() makes: the literal uni.request(...).
const functions = createFunctions({ url: gateway.url, anonKey: gateway.anonKey, transport: miniProgramTransport((o) => uni.request(o)) })

const interceptors = {
  none: null,
  replaces: (args) => {
    args.header = { 'x-app': '1' }
  },
  overrides: (args) => {
    args.header = Object.assign({}, args.header, { Authorization: 'Bearer app-session', 'x-app': '1' })
  },
  mergesUnder: (args) => {
    args.header = Object.assign({ Authorization: 'Bearer app-session', 'x-app': '1' }, args.header)
  },
  skipsFunctions: (args) => {
    if (args.url.indexOf(gateway.url + '/functions/') !== 0) args.header = { 'x-app': '1' }
  },
}
const results = {}
for (const [name, invoke] of Object.entries(interceptors)) {
  if (invoke) uni.addInterceptor('request', { invoke })
  const { error } = await functions.invoke('mirror', { body: { a: 1 } })
  // What reached the server, whether or not the relay let it through.
  const headers = gateway.requests[gateway.requests.length - 1].headers
  results[name] = {
    code: error && error.code,
    apikey: headers.apikey === gateway.anonKey,
    bearer: headers.authorization === 'Bearer ' + gateway.anonKey,
    app: headers['x-app'] || null,
  }
  uni.removeInterceptor('request')
}
await gateway.close()
process.stdout.write(JSON.stringify(results))
process.exit(0)
