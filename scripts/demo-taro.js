'use strict'
// `npm run demo`, Taro part: builds demo-taro against the running gateway, serves its H5 build on
// 127.0.0.1 and leaves the weapp build ready for WeChat DevTools. The end-to-end tests run the same.
const fs = require('fs')
const path = require('path')
const { buildTaro, demo } = require('./taro-build')
const { serveStatic } = require('./static-server')

/** Resolves with `{ url, weapp, close }`: the H5 site's address and the weapp build's directory. */
async function startTaroDemo(gateway, { port = 0, log = console.log } = {}) {
  if (!fs.existsSync(path.join(demo, 'node_modules', 'mp-functions'))) {
    log('\nTaro demo: skipped, demo-taro is not installed (run `node scripts/prepare-demos.js`).')
    return { close: async () => {} }
  }
  log('\nTaro demo: building demo-taro for H5 and weapp (about a minute)…')
  // One after the other: an H5 build alone takes most of a small CI machine's memory.
  const weapp = await buildTaro({ type: 'weapp', url: gateway.url, out: 'demo-weapp' })
  const h5 = await buildTaro({ type: 'h5', url: gateway.url, out: 'demo-h5' })
  const site = await serveStatic(h5.out, port)
  log(`  H5:    ${site.url}  (在浏览器打开 / open in a browser)`)
  log(`  weapp: ${path.relative(process.cwd(), weapp.out)}`)
  log('         微信开发者工具 → 导入项目 → 选择该目录（测试号 AppID 即可）。该目录的 project.config.json 已关闭')
  log('         域名校验（urlCheck: false），所以能直接请求本地网关；真机预览需把网关地址加入 request 合法域名。')
  log('         WeChat DevTools → Import → choose that directory. Its project.config.json turns the domain check')
  log('         off (urlCheck: false) so the local gateway is reachable; on a phone the domain must be allowed.')
  return { url: site.url, weapp: weapp.out, close: site.close }
}

module.exports = { startTaroDemo }
