'use strict'
// Run by test/load.test.ts as `node --expose-gc load-client.js <gateway url> <anon key> <calls> <maxConcurrent>`:
// mixed calls through one client with a queued transport, in a process of its own so the heap it
// measures is the client's alone. Prints one JSON line: outcomes, what was sent, in-flight maximum, heap.
const { createAbortController, createFunctions, fetchTransport, queue } = require('../../dist/index.cjs')

const [url, anonKey, total, limit] = [process.argv[2], process.argv[3], +process.argv[4], +process.argv[5]]
const heap = () => {
  for (let i = 0; i < 3; i++) global.gc()
  return process.memoryUsage().heapUsed
}
// Long enough for closed and reset sockets to be let go.
const settle = () => new Promise((resolve) => setTimeout(resolve, 200))

/** Counts requests between the transport's start and its report, and reports per request (must be 1). */
function counting(transport, stats) {
  return (request) => {
    const name = request.url.split('/').pop()
    stats.sent.push(name)
    if (stats.onSend[name]) stats.onSend[name]()
    stats.inFlight++
    stats.maxInFlight = Math.max(stats.maxInFlight, stats.inFlight)
    let reports = 0
    const report =
      (callback) =>
      (...args) => {
        if (++reports > 1) stats.doubleReports++
        else stats.inFlight--
        callback(...args)
      }
    return transport(Object.assign({}, request, { success: report(request.success), fail: report(request.fail) }))
  }
}

const stats = { sent: [], inFlight: 0, maxInFlight: 0, doubleReports: 0, onSend: {} }

const kinds = ['fast', 'slow', 'failing', 'reset', 'cancelled']
function callOf(i, tag) {
  const kind = kinds[i % kinds.length]
  const id = `id=${tag}-${kind}-${i}`
  if (kind == 'fast') return { kind, name: `hello?${id}` }
  if (kind == 'slow') return { kind, name: `slow?ms=${20 + (i % 30)}&${id}` }
  if (kind == 'failing') return { kind, name: `status?code=500&${id}` }
  if (kind == 'reset') return { kind, name: `fault/reset-before-headers?${id}` }
  // Half are cancelled soon after they are sent (in flight), half soon after the call (mostly while queued).
  return { kind, name: `slow?ms=5000&${id}`, cancelAfter: i % 20, whenSent: i % 2 == 0 }
}

async function run(client, count, tag) {
  stats.onSend = {}
  const resolutions = new Array(count).fill(0)
  const outcomes = {}
  await Promise.all(
    Array.from({ length: count }, (_, i) => {
      const { kind, name, cancelAfter, whenSent } = callOf(i, tag)
      const controller = createAbortController()
      const cancel = () => setTimeout(() => controller.abort(), cancelAfter)
      if (whenSent) stats.onSend[name] = cancel
      else if (cancelAfter !== undefined) cancel()
      return client.invoke(name, { method: 'GET', signal: controller.signal }).then(({ error }) => {
        resolutions[i]++
        const key = `${kind}:${error ? error.code : 'ok'}`
        outcomes[key] = (outcomes[key] || 0) + 1
      })
    }),
  )
  return { resolutions, outcomes }
}

;(async () => {
  const transport = counting(fetchTransport(), stats)
  const client = createFunctions({ url, anonKey, functionsUrl: url + '/load', transport, features: [queue({ maxConcurrent: limit })] })
  // A first round warms up what is allocated once (module code, JIT, the connection pool); the heap
  // is measured after it, after the measured round, and after two more, which must not add to it.
  await run(client, total, 'warm')
  await settle()
  stats.sent.length = 0
  const heapBefore = heap()
  const start = Date.now()
  const { resolutions, outcomes } = await run(client, total, 'main')
  const ms = Date.now() - start
  await settle()
  const heapAfter = heap()
  const sent = stats.sent
  stats.sent = []
  await run(client, total, 'again')
  await run(client, total, 'again2')
  await settle()
  stats.sent = sent
  const heapAgain = heap()
  process.stdout.write(
    JSON.stringify({
      ms,
      outcomes,
      resolvedOnce: resolutions.filter((n) => n === 1).length,
      sent: stats.sent,
      maxInFlight: stats.maxInFlight,
      doubleReports: stats.doubleReports,
      heapBefore,
      heapAfter,
      heapAgain,
    }) + '\n',
  )
})().catch((error) => {
  console.error(error)
  process.exit(1)
})
