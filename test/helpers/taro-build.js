'use strict'
// Builds demo-taro the way its users do (`taro build --type <platform>`), pointed at a gateway of
// the test's own, into a directory of its own (so tests never share or clobber an output).
const { execFile } = require('child_process')
const fs = require('fs')
const path = require('path')

const demo = path.join(__dirname, '..', '..', 'demo-taro')

function buildTaro({ type, url, framework = 'react', anonKey }) {
  const out = path.join(demo, 'dist', `e2e-${framework}-${type}`)
  fs.rmSync(out, { recursive: true, force: true })
  const env = Object.assign({}, process.env, { MP_FUNCTIONS_URL: url, MP_FUNCTIONS_OUT: out, TARO_APP_FRAMEWORK: framework, NODE_ENV: 'production' })
  if (anonKey) env.MP_FUNCTIONS_ANON_KEY = anonKey
  const taro = path.join(demo, 'node_modules', '.bin', 'taro')
  return new Promise((resolve, reject) => {
    execFile(taro, ['build', '--type', type], { cwd: demo, env, maxBuffer: 64 << 20 }, (error, stdout, stderr) => {
      if (error) reject(new Error(`taro build --type ${type} failed:\n${stdout.slice(-3000)}\n${stderr.slice(-3000)}`))
      else resolve({ out, stdout })
    })
  })
}

module.exports = { buildTaro, demo }
