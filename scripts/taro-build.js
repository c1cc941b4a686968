'use strict'
// Builds demo-taro (or another Taro project: the fixtures) the way its users do
// (`taro build --type <platform>`), pointed at a given functions server. Each build has an output
// directory of its own: `npm run demo` and the tests never clobber each other's.
const { execFile } = require('child_process')
const fs = require('fs')
const path = require('path')

const demo = path.join(__dirname, '..', 'demo-taro')

/**
 * Resolves with the output directory, or rejects with the end of Taro's output.
 * `project`: the Taro project to build, demo-taro unless given; `anonKey` reaches it as MP_FUNCTIONS_ANON_KEY.
 * `throughRelay`: the build with cloudRelay turned on (MP_FUNCTIONS_CLOUD_RELAY=1).
 */
function buildTaro({
  type,
  url,
  anonKey = '',
  project = demo,
  framework = 'react',
  throughRelay = false,
  out = `e2e-${framework}-${type}${throughRelay ? '-relay' : ''}`,
}) {
  const dir = path.join(project, 'dist', out)
  fs.rmSync(dir, { recursive: true, force: true })
  const env = Object.assign({}, process.env, {
    MP_FUNCTIONS_URL: url,
    MP_FUNCTIONS_ANON_KEY: anonKey,
    MP_FUNCTIONS_OUT: dir,
    TARO_APP_FRAMEWORK: framework,
    NODE_ENV: 'production',
    MP_FUNCTIONS_CLOUD_RELAY: throughRelay ? '1' : '',
  })
  const taro = path.join(project, 'node_modules', '.bin', 'taro')
  return new Promise((resolve, reject) => {
    execFile(taro, ['build', '--type', type], { cwd: project, env, maxBuffer: 64 << 20 }, (error, stdout, stderr) => {
      if (error) reject(new Error(`taro build --type ${type} failed:\n${stdout.slice(-3000)}\n${stderr.slice(-3000)}`))
      else resolve({ out: dir })
    })
  })
}

module.exports = { buildTaro, demo }
