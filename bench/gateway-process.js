'use strict'
// The repo's gateway in a process of its own, so the server does not share the clients' event loop.
const { fork } = require('child_process')

if (require.main === module) {
  require('../gateway')
    .startGateway()
    .then((gateway) => {
      // The gateway logs every request for tests; a long run must not pile them up.
      setInterval(() => gateway.clearRequests(), 1000).unref()
      process.send({ url: gateway.url, anonKey: gateway.anonKey })
      process.on('disconnect', () => gateway.close().then(() => process.exit(0)))
    })
}

/** Starts the gateway process; resolves to `{ url, anonKey, close() }`. */
function startGatewayProcess() {
  const child = fork(__filename, [], { stdio: ['ignore', 'ignore', 'inherit', 'ipc'] })
  return new Promise((resolve, reject) => {
    child.once('error', reject)
    child.once('exit', (code) => reject(new Error('gateway process exited with ' + code)))
    child.once('message', ({ url, anonKey }) => {
      child.removeAllListeners('exit')
      resolve({
        url,
        anonKey,
        close: () =>
          new Promise((done) => {
            child.once('exit', done)
            child.disconnect()
          }),
      })
    })
  })
}

module.exports = { startGatewayProcess }
