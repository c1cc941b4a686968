'use strict'
// `npm run demo`: starts the local functions gateway and calls it the way an app would, printing
// each result. `--once` exits after the calls (the tests use it to keep this command true).
const { startGateway } = require('../gateway')
const { createFunctions, defaultStorageKey, fetchTransport, sessionFromStorage, FunctionsHttpError } = require('../dist/index.cjs')

const once = process.argv.includes('--once')
const portArg = process.argv.indexOf('--port')
const port = portArg > 0 ? Number(process.argv[portArg + 1]) : Number(process.env.PORT || 54321)

async function main() {
  const gateway = await startGateway({ port })
  // The session a signed-in app would have in storage, under the key supabase-js derives.
  const storage = new Map([[defaultStorageKey(gateway.url), JSON.stringify(gateway.createSession())]])
  const functions = createFunctions({
    url: gateway.url,
    anonKey: gateway.anonKey,
    transport: fetchTransport(),
    accessToken: sessionFromStorage({
      getItem: (key) => storage.get(key),
      setItem: (key, value) => storage.set(key, value),
      removeItem: (key) => storage.delete(key),
    }),
  })

  console.log(`本地函数网关 / local functions gateway: ${gateway.url}`)
  console.log(`  functionsUrl: ${gateway.url}/functions/v1`)
  console.log(`  anonKey:      ${gateway.anonKey}\n`)

  const show = (label, value) => console.log(`${label.padEnd(38)}${typeof value == 'string' ? value : JSON.stringify(value)}`)
  show("invoke('hello', { name: '世界' })", (await functions.invoke('hello', { body: { name: '世界' } })).data)
  show("invoke('text')", (await functions.invoke('text')).data)
  const bytes = (await functions.invoke('binary', { body: new Uint8Array([1, 2, 3]) })).data
  show("invoke('binary', Uint8Array[1,2,3])", `ArrayBuffer ${JSON.stringify(Array.from(new Uint8Array(bytes)))}`)
  const mirror = (await functions.invoke('mirror')).data
  show('signed-in call: the function saw', { role: mirror.claims.role, sub: mirror.claims.sub })
  const { error } = await functions.invoke('status/418')
  show(
    "invoke('status/418')",
    `${error.name} (${error instanceof FunctionsHttpError}) status ${error.status} body ${JSON.stringify(error.body)}`,
  )
  const timedOut = await functions.invoke('slow?ms=2000', { timeout: 100 })
  show("invoke('slow', { timeout: 100 })", `${timedOut.error.name} code ${timedOut.error.code}`)

  if (once) return gateway.close()
  // The demo apps, built against this gateway (their end-to-end tests build them the same way).
  const apps = [
    await require('./demo-uniapp').showDemoUniapp(gateway),
    await require('./demo-taro').startTaroDemo(gateway, { port: Number(process.env.TARO_DEMO_PORT || 10086) }),
  ]
  console.log('\nThe gateway keeps running for your own calls (see gateway/README.md). Ctrl-C stops it.')
  const stop = () => Promise.all(apps.map((app) => app.close()).concat(gateway.close())).then(() => process.exit(0))
  process.once('SIGINT', stop)
  process.once('SIGTERM', stop)
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
