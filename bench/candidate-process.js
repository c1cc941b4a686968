'use strict'
// One candidate in a process of its own. Candidates sharing a process slow each other: one's
// garbage is collected on another's time, and shared code paths (Promise, JSON, fetch) turn
// megamorphic. A measurement module exports `candidate(name, setup)`, which makes the candidate's
// call, and `measure(call, batch)`, which times a batch of calls and returns what it found.
const { fork } = require('child_process')

/** Starts candidate `name` of the measurement module `file`: resolves to `{ measure(batch), close() }`. */
function startCandidate(file, name, setup) {
  const child = fork(require.resolve('./candidate-main'), [file, name], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    execArgv: process.execArgv,
  })
  const ask = (message) =>
    new Promise((resolve, reject) => {
      child.once('message', resolve)
      child.once('exit', (code) => reject(new Error(`${name} exited with ${code}`)))
      child.send(message)
    }).finally(() => child.removeAllListeners('exit'))
  return ask({ setup }).then(() => ({ measure: (batch) => ask({ batch }), close: () => child.disconnect() }))
}

/** Every candidate of `names`, each in its own process; `close()` ends them all. */
async function startCandidates(file, names, setup) {
  const started = {}
  try {
    for (const name of names) started[name] = await startCandidate(file, name, setup)
  } catch (error) {
    for (const candidate of Object.values(started)) candidate.close()
    throw error
  }
  return { candidates: started, close: () => Object.values(started).forEach((candidate) => candidate.close()) }
}

module.exports = { startCandidates }
