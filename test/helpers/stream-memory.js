'use strict'
// Run with --expose-gc by test/stream-memory.test.ts: streams `bytes` of events from the gateway
// through the client's built-in stream reader and prints what it read and the heap it needed, sampled as it went.
const { startGateway } = require('../../gateway')
const { createFunctions, fetchTransport, miniProgramTransport } = require('../../dist/index.cjs')
const { createWx } = require('./fake-wx')

async function main() {
  const [bytes, which] = process.argv.slice(2)
  const gateway = await startGateway()
  const transport = which == 'wx' ? miniProgramTransport(createWx({ keepAlive: true }).request) : fetchTransport()
  const functions = createFunctions({ url: gateway.url, anonKey: gateway.anonKey, transport })
  global.gc()
  const base = process.memoryUsage().heapUsed
  let peak = base
  let events = 0
  let received = 0
  const { data: stream, error } = await functions.invoke(`sse?bytes=${bytes}`, { stream: true })
  if (error) throw error
  for await (const event of stream) {
    events++
    received += event.data.length
    if (events % 2000 == 0) peak = Math.max(peak, process.memoryUsage().heapUsed)
  }
  global.gc()
  const after = process.memoryUsage().heapUsed
  await gateway.close()
  console.log(JSON.stringify({ events, received, base, peak, after }))
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
