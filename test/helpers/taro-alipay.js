'use strict'
// Taro's own Alipay adapters, as @tarojs/plugin-platform-alipay ships them: its `request` (`header`
// merged into lower-cased `headers`, `status`/`headers` renamed on success, failures passed on as Alipay
// gives them) and `handleSyncApis` (storage through `{ key }` objects). The runtime file is an ES module
// importing the rest of Taro; these two functions use nothing but `my` and their arguments, so they are
// taken out of the shipped file as they are and run over the fake `my`.
const { readFileSync } = require('fs')
const { join } = require('path')
const acorn = require('acorn')

/** `{ request, handleSyncApis }` of the Alipay runtime under `taroModules` (a node_modules folder), bound to `my`. */
function taroAlipayAdapters(taroModules, my) {
  const file = join(taroModules, '@tarojs/plugin-platform-alipay/dist/runtime.js')
  const source = readFileSync(file, 'utf8')
  const program = acorn.parse(source, { ecmaVersion: 'latest', sourceType: 'module' })
  const take = (name) => {
    const node = program.body.find((statement) => statement.type === 'FunctionDeclaration' && statement.id.name === name)
    if (!node) throw new Error(`${file} has no function ${name}: the Taro version changed`)
    return source.slice(node.start, node.end)
  }
  const body = `${take('request')}\n${take('handleSyncApis')}\nreturn { request, handleSyncApis }`
  return new Function('my', body)(my)
}

module.exports = { taroAlipayAdapters }
