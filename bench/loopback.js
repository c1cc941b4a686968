'use strict'
// 2. End to end over loopback: calls per second against the gateway (in its own process), the same
// POST with a JSON body and a parsed JSON answer, at concurrency 1 and 10.
const { createFunctions, fetchTransport } = require('../dist/index.cjs')
const { FunctionsClient } = require('@supabase/functions-js')
const { startGatewayProcess } = require('./gateway-process')
const { now, median, interleave, goal } = require('./stats')

const BODY = { name: 'world' }

function candidates({ url, anonKey }) {
  const mp = createFunctions({ url, anonKey, transport: fetchTransport() })
  const fjs = new FunctionsClient(url + '/functions/v1', {
    headers: { Authorization: 'Bearer ' + anonKey, apikey: anonKey },
  })
  return {
    'mp-functions (fetchTransport)': () => mp.invoke('hello', { body: BODY }),
    'functions-js': () => fjs.invoke('hello', { body: BODY }),
    'raw fetch': async () => {
      const response = await fetch(url + '/functions/v1/hello', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: 'Bearer ' + anonKey, apikey: anonKey },
        body: JSON.stringify(BODY),
      })
      return { data: await response.json(), error: null }
    },
  }
}

/** Calls per second for `calls` calls with `concurrency` in flight; adds this process's CPU µs per call to `cpu`. */
async function throughput(call, calls, concurrency, cpu) {
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
  cpu.push((used.user + used.system) / calls)
  return calls / (Number(now() - start) / 1e9)
}

async function run({ smoke = false } = {}) {
  const gateway = await startGatewayProcess()
  try {
    const all = candidates(gateway)
    const rows = []
    const goals = []
    const figures = {}
    for (const concurrency of [1, 10]) {
      const calls = smoke ? 10 : concurrency == 1 ? 100 : 300
      const cpu = Object.fromEntries(Object.keys(all).map((name) => [name, []]))
      const { medians: perSecond, ratio } = await interleave(all, { rounds: smoke ? 1 : 31, warmup: 2 }, (call, name) =>
        throughput(call, calls, concurrency, cpu[name]),
      )
      for (const [name, value] of Object.entries(perSecond)) {
        rows.push([name, concurrency, Math.round(value), ratio(name, 'raw fetch').toFixed(2), median(cpu[name]).toFixed(0)])
      }
      goals.push(goal(`mp-functions / raw fetch, concurrency ${concurrency}`, ratio('mp-functions (fetchTransport)', 'raw fetch'), 0.95, false))
      figures[concurrency] = perSecond
    }
    return {
      title: '2. End to end over loopback (gateway in a child process)',
      head: ['client', 'concurrency', 'calls/s (median)', '× raw fetch', 'client process CPU µs per call'],
      rows,
      goals,
      figures,
    }
  } finally {
    await gateway.close()
  }
}

module.exports = { run }
