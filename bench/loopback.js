'use strict'
// 2. End to end over loopback: calls per second against the gateway, the same POST with a JSON body
// and a parsed JSON answer, at concurrency 1 and 10. As in an app, each client runs in a process of
// its own (one process running all three lets each slow the others' shared code paths), and the
// gateway in another; the rounds still alternate between them.
const { startCandidates } = require('./candidate-process')
const { bareCall } = require('./bare-call')
const { startGatewayProcess } = require('./gateway-process')
const { now, median, interleave, goal } = require('./stats')

const BODY = { name: 'world' }

const clients = {
  'mp-functions (fetchTransport)': ({ url, anonKey }) => {
    const { createFunctions, fetchTransport } = require('../dist/index.cjs')
    const mp = createFunctions({ url, anonKey, transport: fetchTransport() })
    return () => mp.invoke('hello', { body: BODY })
  },
  'functions-js': ({ url, anonKey }) => {
    const { FunctionsClient } = require('@supabase/functions-js')
    const fjs = new FunctionsClient(url + '/functions/v1', { headers: { Authorization: 'Bearer ' + anonKey, apikey: anonKey } })
    return () => fjs.invoke('hello', { body: BODY })
  },
  // The transport with no client: splits mp-functions' cost between its transport and its client.
  'fetchTransport alone': ({ url, anonKey }) =>
    bareCall(require('../dist/index.cjs').fetchTransport(), url + '/functions/v1/hello', anonKey, BODY),
  'raw fetch':
    ({ url, anonKey }) =>
    async () => {
      const response = await fetch(url + '/functions/v1/hello', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: 'Bearer ' + anonKey, apikey: anonKey },
        body: JSON.stringify(BODY),
      })
      return { data: await response.json(), error: null }
    },
}

/** `calls` calls with `concurrency` in flight: calls per second, and this process's CPU µs per call. */
async function throughput(call, { calls, concurrency }) {
  let left = calls
  const worker = async () => {
    while (left-- > 0) {
      const { error } = await call()
      if (error) throw error
    }
  }
  const start = now()
  const startCpu = process.cpuUsage()
  await Promise.all(Array.from({ length: concurrency }, worker))
  const used = process.cpuUsage(startCpu)
  return { perSecond: calls / (Number(now() - start) / 1e9), cpu: (used.user + used.system) / calls }
}

async function run({ smoke = false } = {}) {
  const gateway = await startGatewayProcess()
  let processes
  try {
    processes = await startCandidates(__filename, Object.keys(clients), gateway)
    const all = processes.candidates
    const rows = []
    const goals = []
    for (const concurrency of [1, 10]) {
      const batch = { calls: smoke ? 10 : concurrency == 1 ? 300 : 600, concurrency }
      const cpu = Object.fromEntries(Object.keys(clients).map((name) => [name, []]))
      const { medians: perSecond, ratio } = await interleave(all, { rounds: smoke ? 1 : 31, warmup: 2 }, async (client, name) => {
        const figures = await client.measure(batch)
        cpu[name].push(figures.cpu)
        return figures.perSecond
      })
      for (const [name, value] of Object.entries(perSecond)) {
        rows.push([name, concurrency, Math.round(value), ratio(name, 'raw fetch').toFixed(2), median(cpu[name]).toFixed(0)])
      }
      goals.push(
        goal(`mp-functions / raw fetch, concurrency ${concurrency}`, ratio('mp-functions (fetchTransport)', 'raw fetch'), 0.95, false),
      )
    }
    return {
      title: '2. End to end over loopback (gateway and each client in a process of its own)',
      head: ['client', 'concurrency', 'calls/s (median)', '× raw fetch', 'client process CPU µs per call'],
      rows,
      goals,
    }
  } finally {
    if (processes) processes.close()
    await gateway.close()
  }
}

module.exports = { run, candidate: (name, gateway) => clients[name](gateway), measure: throughput }
