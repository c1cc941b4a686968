'use strict'
// Heap of a long run: 1,000 and 10,000 sequential calls over the in-process transport of the
// overhead measurement. Retained heap (after a full GC) must not grow with the number of calls.
const v8 = require('v8')
const vm = require('vm')
const { candidates } = require('./overhead')

// `node --expose-gc` gives global.gc; under a test runner the flag can still be set at run time.
const gc = global.gc || (v8.setFlagsFromString('--expose-gc'), vm.runInNewContext('gc'))
const used = () => v8.getHeapStatistics().used_heap_size
const kb = (bytes) => (bytes / 1024).toFixed(0)

async function heapOf(call, calls) {
  gc()
  const base = used()
  let peak = base
  for (let i = 0; i < calls; i++) {
    await call()
    if (i % 50 == 0) peak = Math.max(peak, used())
  }
  peak = Math.max(peak, used())
  gc()
  return { peak: peak - base, retained: used() - base }
}

async function run({ smoke = false } = {}) {
  const call = candidates()['mp-functions']
  const sizes = smoke ? [100, 1000] : [1000, 10000]
  await heapOf(call, sizes[0]) // warm-up: compiled code and inline caches are not the calls' heap
  const [small, large] = [await heapOf(call, sizes[0]), await heapOf(call, sizes[1])]
  // Allowance for GC bookkeeping noise: a leak of even 100 bytes per call would exceed it.
  const slack = 256 * 1024
  return {
    title: 'Heap of a long run (mp-functions, in-process transport)',
    head: ['calls', 'peak heap growth (KB)', 'retained after GC (KB)'],
    rows: [
      [sizes[0], kb(small.peak), kb(small.retained)],
      [sizes[1], kb(large.peak), kb(large.retained)],
    ],
    goals: [
      {
        label: `retained heap, ${sizes[1]} calls vs ${sizes[0]}`,
        value: `${large.retained >= small.retained ? '+' : ''}${kb(large.retained - small.retained)} KB`,
        goal: '≤ +256 KB (no growth)',
        met: large.retained - small.retained <= slack,
      },
    ],
  }
}

module.exports = { run }
