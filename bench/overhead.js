'use strict'
// 1. Client overhead per call: each candidate makes the same call over a transport (or fetch) that
// answers at once with the same prepared JSON response, so only the client's own work is timed.
// Each candidate runs in a process of its own (functions-js' garbage would otherwise be collected
// on the others' time); the rounds alternate between them.
const { createFunctions } = require('../dist/index.cjs')
const { FunctionsClient } = require('@supabase/functions-js')
const { now, interleave, goal } = require('./stats')
const { startCandidates } = require('./candidate-process')
const { bareCall } = require('./bare-call')

const URL_ = 'http://127.0.0.1:54321'
const ANON_KEY = 'eyJhbGciOiJIUzI1NiJ9.eyJyb2xlIjoiYW5vbiJ9.c2lnbmF0dXJl'
const BODY = { name: 'world' }
const ANSWER = '{"message":"Hello world!"}'
const answerBytes = new TextEncoder().encode(ANSWER).buffer
const prepared = { statusCode: 200, header: { 'content-type': 'application/json' }, data: answerBytes }

/** A wx.request-shaped transport that answers at once. */
const instantTransport = (request) => {
  request.success(prepared)
}

function candidates() {
  const mp = createFunctions({ url: URL_, anonKey: ANON_KEY, transport: instantTransport })
  const fjs = new FunctionsClient(URL_ + '/functions/v1', {
    headers: { Authorization: 'Bearer ' + ANON_KEY, apikey: ANON_KEY },
    customFetch: async () => new Response(ANSWER, { status: 200, headers: { 'content-type': 'application/json' } }),
  })
  return {
    'mp-functions': () => mp.invoke('hello', { body: BODY }),
    'functions-js': () => fjs.invoke('hello', { body: BODY }),
    // No client: the same request built by hand, the same transport, the same decode and parse.
    'bare transport': bareCall(instantTransport, URL_ + '/functions/v1/hello', ANON_KEY, BODY),
  }
}

/** Wall time per call of `calls` sequential calls, in µs. */
async function measure(call, { calls }) {
  const start = now()
  for (let i = 0; i < calls; i++) await call()
  return Number(now() - start) / 1000 / calls
}

async function run({ smoke = false } = {}) {
  const calls = smoke ? 20 : 2000
  for (const call of Object.values(candidates())) {
    const { data } = await call()
    if (!data || data.message !== 'Hello world!') throw new Error('a candidate did not get the answer')
  }
  const processes = await startCandidates(__filename, Object.keys(candidates()))
  try {
    const { medians: us, ratio } = await interleave(processes.candidates, { rounds: smoke ? 2 : 21, warmup: smoke ? 1 : 5 }, (candidate) =>
      candidate.measure({ calls }),
    )
    return {
      title: '1. Client overhead per call (in-process transport answering at once; each client in a process of its own)',
      head: ['client', 'µs per call (median)', '× mp-functions'],
      rows: Object.entries(us).map(([name, value]) => [name, value.toFixed(2), ratio(name, 'mp-functions').toFixed(2)]),
      goals: [
        goal('mp-functions / functions-js', ratio('mp-functions', 'functions-js'), 0.5),
        goal('mp-functions / bare transport', ratio('mp-functions', 'bare transport'), 1.5),
      ],
      figures: us,
    }
  } finally {
    processes.close()
  }
}

module.exports = { run, candidates, candidate: (name) => candidates()[name], measure }
