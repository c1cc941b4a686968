'use strict'
// Heap of a long run: 1,000, 10,000 and 100,000 sequential calls over the in-process transport of
// the overhead measurement. The peak is mostly garbage V8 has not yet chosen to collect, so it levels
// off; the heap retained after a full GC must not grow with the number of calls.
const v8 = require('v8')
const vm = require('vm')
const { candidates } = require('./overhead')

// `node --expose-gc` gives global.gc; under a test runner the flag can still be set at run time.
const gc = global.gc || (v8.setFlagsFromString('--expose-gc'), vm.runInNewContext('gc'))
const used = () => v8.getHeapStatistics().used_heap_size
const kb = (bytes) => (bytes / 1024).toFixed(0)

// Twice: weak references and finalizers need a second collection to let go of what they held.
const collect = () => (gc(), gc())

async function heapOf(call, calls) {
  collect()
  const base = used()
  let peak = base
  for (let i = 0; i < calls; i++) {
    await call()
    if (i % 50 == 0) peak = Math.max(peak, used())
  }
  peak = Math.max(peak, used())
  collect()
  return { peak: peak - base, retained: used() - base }
}

async function run({ smoke = false } = {}) {
  const call = candidates()['mp-functions']
  const sizes = smoke ? [100, 1000] : [1000, 10000, 100000]
  await heapOf(call, sizes[0]) // warm-up: compiled code and inline caches are not the calls' heap
  const heaps = []
  for (const calls of sizes) heaps.push(await heapOf(call, calls))
  const [small, large] = [heaps[0], heaps[heaps.length - 1]]
  const more = sizes[sizes.length - 1] - sizes[0]
  // Allowance for GC bookkeeping noise; the goal says how few bytes per call it lets through.
  const slack = 512 * 1024
  return {
    title: 'Heap of a long run (mp-functions, in-process transport)',
    head: ['calls', 'peak heap growth (KB)', 'retained after GC (KB)'],
    rows: sizes.map((calls, i) => [calls, kb(heaps[i].peak), kb(heaps[i].retained)]),
    goals: [
      {
        label: `retained heap, ${sizes[sizes.length - 1]} calls vs ${sizes[0]}`,
        value: `${large.retained >= small.retained ? '+' : ''}${kb(large.retained - small.retained)} KB`,
        goal: `≤ +${kb(slack)} KB (no growth: < ${Math.ceil(slack / more)} B per call)`,
        met: large.retained - small.retained <= slack,
      },
    ],
  }
}

module.exports = { run }
