'use strict'
// One cloud function instance: loads the function folder's index.js once and runs `main(event, context)`
// for each call, with the environment variables as the console has them at that moment.
const path = require('path')

const { main } = require(path.resolve(process.argv[2], 'index.js'))

process.on('message', ({ id, event, env }) => {
  // `main` reads its settings before its first await: setting them here applies to this call only.
  for (const name of Object.keys(process.env)) if (name.startsWith('RELAY_')) delete process.env[name]
  Object.assign(process.env, env)
  Promise.resolve()
    .then(() => main(event, { function_name: path.basename(process.argv[2]) }))
    .then(
      (result) => process.send({ id, result: result === undefined ? null : result }),
      (error) => process.send({ id, error: String((error && error.message) || error) }),
    )
})
