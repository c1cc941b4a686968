'use strict'
// The process of one candidate (see candidate-process.js): makes the candidate's call from the
// measurement module, then measures a batch on each request.
const measurement = require(process.argv[2])
let call
process.on('message', async ({ setup, batch }) => {
  if (!batch) call = measurement.candidate(process.argv[3], setup)
  process.send(batch ? await measurement.measure(call, batch) : 'ready')
})
process.on('disconnect', () => process.exit(0))
