#!/usr/bin/env node
'use strict'
// `node gateway/cli.js [--port N]`: run the local gateway and print what a demo or
// a manual test needs (URLs, keys, a signed-in session).
const { startGateway } = require('./index')
const functions = require('./functions')

const DEFAULT_PORT = 54321

function parsePort(argv, env) {
  let raw = env.PORT
  const i = argv.findIndex((a) => a === '--port' || a.startsWith('--port='))
  if (i !== -1) raw = argv[i].startsWith('--port=') ? argv[i].slice('--port='.length) : argv[i + 1]
  if (raw === undefined || raw === '') return DEFAULT_PORT
  const port = Number(raw)
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`invalid port: ${raw}`)
  return port
}

async function main() {
  const gateway = await startGateway({ port: parsePort(process.argv.slice(2), process.env) })
  // Registered before anything is printed: a caller may stop us as soon as it reads the banner.
  const shutdown = async (signal) => {
    console.log(`\n${signal} received, stopping gateway...`)
    await gateway.close()
    console.log('gateway stopped')
    process.exit(0)
  }
  process.once('SIGINT', shutdown)
  process.once('SIGTERM', shutdown)
  const session = gateway.createSession()
  // The key supabase-js and mp-functions read the session from (the package's own rule: built first).
  const storageKey = require('../dist/index.cjs').defaultStorageKey(gateway.url)
  const row = (label, value) => `  ${label.padEnd(16)}${value}`

  console.log(
    [
      'mp-functions local gateway is running',
      '',
      row('URL', gateway.url),
      row('Functions URL', `${gateway.url}/functions/v1   (Supabase style, JWT required)`),
      row('MemFire base', `${gateway.url}/mf-demo   (MemFire style, e.g. ${gateway.url}/mf-demo/hello)`),
      row('Anon key', gateway.anonKey),
      row('Service key', gateway.serviceRoleKey),
      row('JWT secret', gateway.jwtSecret),
      '',
      'Signed-in test session',
      row('storage key', storageKey),
      row('access_token', session.access_token),
      row('refresh_token', session.refresh_token),
      row('expires_at', `${session.expires_at} (${new Date(session.expires_at * 1000).toISOString()})`),
      row('user id', session.user.id),
      '',
      'Demo user (POST /auth/v1/token?grant_type=password)',
      row('email', 'demo@example.com'),
      row('password', 'password'),
      '',
      `Functions: ${Object.keys(functions).join(', ')}`,
      'Press Ctrl-C to stop.',
    ].join('\n'),
  )
}

main().catch((err) => {
  console.error(`gateway failed to start: ${err.message}`)
  process.exit(1)
})
