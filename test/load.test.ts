// Load: 2,000 mixed calls (fast, slow, failing, reset, cancelled) through one client with a queued
// transport, against the gateway. The client runs in a child process (`node --expose-gc`) so its heap is
// its own; the gateway runs here and tells what it saw.
import { spawn } from 'child_process'
import * as path from 'path'
import type { Gateway } from './helpers/transport-suite'
// eslint-disable-next-line @typescript-eslint/no-var-requires
const { startGateway } = require('../gateway')

/** The most requests overlapping at the gateway, from its exact order of arrivals and ends. */
function maxOverlap(requests: any[]) {
  const events = requests
    .flatMap((request) => [
      [request.seq, 1],
      [request.endSeq, -1],
    ])
    .sort((a, b) => a[0] - b[0])
  let now = 0
  let most = 0
  for (const [, change] of events) most = Math.max(most, (now += change))
  return most
}

const CALLS = 2000
const LIMIT = 8
const MB = 1024 * 1024

function runClient(gw: Gateway): Promise<any> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [
      '--expose-gc',
      path.join(__dirname, 'helpers/load-client.js'),
      gw.url,
      gw.anonKey,
      String(CALLS),
      String(LIMIT),
    ])
    let out = ''
    let err = ''
    child.stdout.on('data', (data) => (out += data))
    child.stderr.on('data', (data) => (err += data))
    child.on('error', reject)
    child.on('exit', (code) => (code === 0 ? resolve(JSON.parse(out)) : reject(new Error(`load client exited ${code}: ${err}`))))
  })
}

describe(`load: ${CALLS} mixed calls through one client, at most ${LIMIT} in flight`, () => {
  let gw: Gateway
  let report: any
  let main: any[]

  beforeAll(async () => {
    gw = await startGateway()
    report = await runClient(gw)
    main = gw.requests.filter((request: any) => String(request.query.id).startsWith('main-'))
  }, 120000)
  afterAll(() => gw.close())

  it('every call resolved exactly once, each transport request reported once', () => {
    expect(report.resolvedOnce).toBe(CALLS)
    expect(report.doubleReports).toBe(0)
    const total = Object.values(report.outcomes as Record<string, number>).reduce((a, b) => a + b, 0)
    expect(total).toBe(CALLS)
  })

  it('each kind ended as it should', () => {
    const each = CALLS / 5
    expect(report.outcomes).toEqual({
      'fast:ok': each,
      'slow:ok': each,
      'failing:HTTP_ERROR': each,
      'reset:NETWORK_ERROR': each,
      'cancelled:ABORTED': each,
    })
  })

  it(`never more than ${LIMIT} in flight: on the client, and at the gateway for the calls the client did not cut off`, () => {
    expect(report.maxInFlight).toBe(LIMIT)
    expect(gw.requests.every((request: any) => request.endSeq)).toBe(true)
    const answered = gw.requests.filter((request: any) => !/cancelled/.test(request.query.id))
    expect(maxOverlap(answered)).toBeLessThanOrEqual(LIMIT)
    // The limit is used, not just respected: calls really ran side by side.
    expect(maxOverlap(answered)).toBeGreaterThanOrEqual(LIMIT / 2)
    // A request the client cut off counts at the gateway until it notices the closed connection, a
    // moment after the platform reported the abort and the queue sent the next one: see the printout.
  })

  it('what the gateway saw matches the outcomes: each sent once, cancelled calls never sent or cut off', () => {
    const ids = main.map((request) => request.query.id)
    expect(new Set(ids).size).toBe(ids.length)
    const sent = report.sent.map((name: string) => /id=([^&]+)/.exec(name)![1])
    expect(new Set(sent).size).toBe(sent.length)
    // Everything the gateway saw was sent; what was sent and not seen was cancelled before it got there.
    expect(ids.filter((id) => !sent.includes(id))).toEqual([])
    expect(sent.filter((id: string) => !ids.includes(id) && !/cancelled/.test(id))).toEqual([])
    const seen = (kind: string) => main.filter((request) => request.query.id.split('-')[1] == kind)
    const each = CALLS / 5
    expect(seen('fast')).toHaveLength(each)
    expect(seen('slow')).toHaveLength(each)
    expect(seen('failing')).toHaveLength(each)
    expect(seen('reset')).toHaveLength(each)
    // A cancelled call either never left the queue or was cut off in flight.
    const cancelled = seen('cancelled')
    expect(cancelled.length).toBeLessThan(each)
    expect(cancelled.every((request) => request.aborted)).toBe(true)
    expect(main.filter((request) => request.aborted)).toHaveLength(cancelled.length + seen('reset').length)
  })

  it('the heap returns near its start', () => {
    // The heap moves by up to ±1.5 MB between rounds (the connection pool, V8); a call that kept 500 bytes
    // would add 3 MB over the three rounds after the first measure.
    expect(report.heapAfter - report.heapBefore).toBeLessThan(3 * MB)
    expect(report.heapAgain - report.heapBefore).toBeLessThan(3 * MB)
  })

  afterAll(() => {
    const isCancelled = (id: string) => /cancelled/.test(id)
    const reached = main.filter((request) => isCancelled(request.query.id)).length
    const sent = report.sent.filter(isCancelled).length
    const lines = [
      `calls under load: ${CALLS} in ${report.ms} ms, outcomes ${JSON.stringify(report.outcomes)}`,
      `  cancelled calls: ${CALLS / 5 - sent} never left the queue, ${sent - reached} cut off before reaching the gateway, ${reached} cut off there`,
      `  in flight at most: client ${report.maxInFlight}; gateway ${maxOverlap(gw.requests.filter((request: any) => !isCancelled(request.query.id)))} of the answered calls, ${gw.load.maxInFlight} counting cut-off ones until it noticed (limit ${LIMIT})`,
      `  heap: ${(report.heapBefore / MB).toFixed(2)} MB → ${(report.heapAfter / MB).toFixed(2)} MB → ${(report.heapAgain / MB).toFixed(2)} MB after two more rounds`,
      `  calls lost: ${CALLS - report.resolvedOnce}`,
    ]
    process.stdout.write('\n' + lines.join('\n') + '\n')
  })
})
