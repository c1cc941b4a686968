'use strict'
// demo-uniapp for `npm run demo` and the end-to-end tests: builds it for mp-weixin and H5 against a
// given functions gateway, and serves the H5 build on 127.0.0.1. One place for both, so the tests
// drive exactly what the demo shows.
const { execFile } = require('child_process')
const path = require('path')
const { serveStatic } = require('./static-server')

const demo = path.join(__dirname, '..', 'demo-uniapp')
/** The `uni` command a project has installed. */
const uniCli = (project) => path.join(project, 'node_modules', '@dcloudio', 'vite-plugin-uni', 'bin', 'uni.js')

/**
 * `uni build` for `platform` ('h5', 'mp-weixin', …), calling `gatewayUrl`; resolves with the output directory.
 * `project`: another uni-app project (a fixture), built with the uni-app it has installed.
 */
function build(platform, { gatewayUrl, outDir, throughRelay = false, project = demo, anonKey = '' }) {
  const args = [uniCli(project), 'build', '-p', platform, '--outDir', outDir]
  const env = Object.assign({}, process.env, {
    FUNCTIONS_URL: gatewayUrl,
    FUNCTIONS_ANON_KEY: anonKey,
    NODE_ENV: 'production',
    FUNCTIONS_CLOUD_RELAY: throughRelay ? '1' : '',
  })
  return new Promise((resolve, reject) => {
    execFile(process.execPath, args, { cwd: project, env, maxBuffer: 16 << 20 }, (error, stdout, stderr) => {
      if (error || !/DONE\s+Build complete/.test(stdout)) reject(new Error(`uni build -p ${platform} failed:\n${stdout}\n${stderr}`))
      else resolve(outDir)
    })
  })
}

/**
 * Both builds for `gatewayUrl` (one after the other: two at once would need more memory than small
 * CI machines have), and the H5 one served. Resolves with `{ h5Url, mpWeixinDir, close }`.
 */
async function startDemoUniapp({ gatewayUrl, port = 0, outRoot = path.join(demo, 'dist', 'build') }) {
  const mpWeixinDir = await build('mp-weixin', { gatewayUrl, outDir: path.join(outRoot, 'mp-weixin') })
  const h5Dir = await build('h5', { gatewayUrl, outDir: path.join(outRoot, 'h5') })
  const server = await serveStatic(h5Dir, port)
  return { h5Url: server.url + '/', mpWeixinDir, close: server.close }
}

/** The hook in scripts/demo.js: prints where to find the app on each platform. */
async function showDemoUniapp(gateway, { port = 5174 } = {}) {
  console.log('\ndemo-uniapp: 构建中 / building mp-weixin and H5 …')
  const started = await startDemoUniapp({ gatewayUrl: gateway.url, port })
  console.log(`demo-uniapp H5:        ${started.h5Url}`)
  console.log(`demo-uniapp mp-weixin: ${started.mpWeixinDir} (微信开发者工具 → 导入项目 / import this folder in WeChat DevTools)`)
  return started
}

module.exports = { build, startDemoUniapp, showDemoUniapp }
