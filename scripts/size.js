'use strict'
// Min+gzip size of each public import as a user's bundler sees it: rollup tree-shakes the built
// package (bundling any other package imported, with its dependencies), terser minifies, gzip -9
// compresses. `npm run size` prints the table and fails over budget; `npm run bench` reuses both.
const path = require('path')
const zlib = require('zlib')
const { rollup } = require('rollup')
const terser = require('@rollup/plugin-terser')
const commonjs = require('@rollup/plugin-commonjs')
const { nodeResolve } = require('@rollup/plugin-node-resolve')

const root = path.join(__dirname, '..')
const { exports: subpaths } = require('../package.json')

/**
 * `mp-functions` and its subpaths as package.json exports them; anything else (frameworks) stays
 * external, unless `bundleAll` (another client measured with its dependencies).
 */
const resolvePackage = (bundleAll) => (id) => {
  const entry = /^mp-functions(\/.*)?$/.test(id) && subpaths['.' + id.slice('mp-functions'.length)]
  // The ESM file of the `import` condition; a plain string for entries with one file (the Taro CLI plugin).
  if (entry) return path.join(root, typeof entry === 'string' ? entry : entry.import ? entry.import.default : entry.default)
  return id === 'entry' ? id : bundleAll || /^[./]/.test(id) ? null : { id, external: true }
}

/**
 * The constants a Taro build defines, as a weapp production build with the plugin's default options
 * sees them (the H5 and mini-program halves of the transport are never both in one build).
 */
const TARO_WEAPP_DEFAULTS = {
  'process.env.TARO_PLATFORM': JSON.stringify('mini'),
  'process.env.TARO_ENV': JSON.stringify('weapp'),
  MP_FUNCTIONS_RETRY: 'false',
  MP_FUNCTIONS_QUEUE: 'false',
  MP_FUNCTIONS_CLOUD_RELAY: 'false',
}

/** What uni-app's mp-weixin build defines (its H5 build keeps fetchTransport instead of uni.request). */
const UNI_MP_WEIXIN = { 'process.env.UNI_PLATFORM': JSON.stringify('mp-weixin') }

const KB = 1024
// Issue 13 asked for 5.5 KB (createFunctions + fetchTransport) and 7 KB (each plugin's default import).
// The readable pipeline with streaming built in measures 6.4 KB, and the plugins, with sessions that
// keep users signed in through rate limits and races (issue 14), 7.9–8.2 KB: these budgets hold them
// there until the trims are done (see the closing note of issue 13), so that no growth goes unseen.
const CORE_BUDGET = 6.5 * KB
const PLUGIN_BUDGET = 8.25 * KB
// Alipay builds also carry the base64 decoder: my.request hands binary answers over only as base64.
const ALIPAY_PLUGIN_BUDGET = 8.5 * KB

/**
 * name → [the user's import line, budget in bytes (of the whole import), the row an opt-in feature is
 * reported on top of]. Streaming is built in: every client reads event streams.
 */
const imports = {
  'createFunctions (core, streaming included)': ["import { createFunctions } from 'mp-functions'; export default createFunctions"],
  'createFunctions + fetchTransport': [
    "import { createFunctions, fetchTransport } from 'mp-functions'; export default [createFunctions, fetchTransport]",
    CORE_BUDGET,
  ],
  'createFunctions + miniProgramTransport': [
    "import { createFunctions, miniProgramTransport } from 'mp-functions'; export default [createFunctions, miniProgramTransport]",
  ],
  '+ sessionFromStorage': [
    "import { createFunctions, miniProgramTransport, sessionFromStorage } from 'mp-functions'; export default [createFunctions, miniProgramTransport, sessionFromStorage]",
    undefined,
    'createFunctions + miniProgramTransport',
  ],
  '+ retry()': [
    "import { createFunctions, fetchTransport, retry } from 'mp-functions'; export default [createFunctions, fetchTransport, retry]",
    undefined,
    'createFunctions + fetchTransport',
  ],
  '+ queue()': [
    "import { createFunctions, fetchTransport, queue } from 'mp-functions'; export default [createFunctions, fetchTransport, queue]",
    undefined,
    'createFunctions + fetchTransport',
  ],
  '+ hooks()': [
    "import { createFunctions, fetchTransport, hooks } from 'mp-functions'; export default [createFunctions, fetchTransport, hooks]",
    undefined,
    'createFunctions + fetchTransport',
  ],
  '+ cloudRelay()': [
    "import { createFunctions, miniProgramTransport, cloudRelay } from 'mp-functions'; export default [createFunctions, miniProgramTransport, cloudRelay]",
    undefined,
    'createFunctions + miniProgramTransport',
  ],
  everything: ["export * from 'mp-functions'"],
  'Taro plugin (default import, weapp build)': [
    "import { useFunctions } from 'mp-functions/taro'; export default useFunctions",
    PLUGIN_BUDGET,
    undefined,
    TARO_WEAPP_DEFAULTS,
  ],
  'Taro plugin, React and Vue parts too': [
    "import { useFunctions } from 'mp-functions/taro'; import 'mp-functions/taro/react'; import { functionsPlugin } from 'mp-functions/taro/vue'; export default [useFunctions, functionsPlugin]",
    PLUGIN_BUDGET,
    undefined,
    TARO_WEAPP_DEFAULTS,
  ],
  'Taro plugin with retry and queue on': [
    "import { useFunctions } from 'mp-functions/taro'; export default useFunctions",
    undefined,
    'Taro plugin (default import, weapp build)',
    Object.assign({}, TARO_WEAPP_DEFAULTS, { MP_FUNCTIONS_RETRY: 'true', MP_FUNCTIONS_QUEUE: 'true' }),
  ],
  'uni-app plugin (default import, mp-weixin build)': [
    "import { FunctionsPlugin } from 'mp-functions/uniapp'; export default FunctionsPlugin",
    PLUGIN_BUDGET,
    undefined,
    UNI_MP_WEIXIN,
  ],
  // Alipay's request shape (base64 answers, decoded in plain JS) is only in the Alipay builds.
  'Taro plugin (alipay build)': [
    "import { useFunctions } from 'mp-functions/taro'; export default useFunctions",
    ALIPAY_PLUGIN_BUDGET,
    'Taro plugin (default import, weapp build)',
    Object.assign({}, TARO_WEAPP_DEFAULTS, { 'process.env.TARO_ENV': JSON.stringify('alipay') }),
  ],
  'uni-app plugin (mp-alipay build)': [
    "import { FunctionsPlugin } from 'mp-functions/uniapp'; export default FunctionsPlugin",
    ALIPAY_PLUGIN_BUDGET,
    'uni-app plugin (default import, mp-weixin build)',
    { 'process.env.UNI_PLATFORM': JSON.stringify('mp-alipay') },
  ],
  // The hooks (issue 15), each on top of the plugin import an app has anyway; apps that do not import
  // them get none of it (the rows above stay as they were).
  'useInvoke, Taro React': [
    "import { useFunctions } from 'mp-functions/taro'; import { useInvoke } from 'mp-functions/taro/react'; export default [useFunctions, useInvoke]",
    undefined,
    'Taro plugin (default import, weapp build)',
    TARO_WEAPP_DEFAULTS,
  ],
  'useInvoke + useInvokeStream, Taro React': [
    "import { useFunctions } from 'mp-functions/taro'; import { useInvoke, useInvokeStream } from 'mp-functions/taro/react'; export default [useFunctions, useInvoke, useInvokeStream]",
    undefined,
    'Taro plugin (default import, weapp build)',
    TARO_WEAPP_DEFAULTS,
  ],
  'useInvoke, Taro Vue 3': [
    "import { useFunctions } from 'mp-functions/taro'; import { functionsPlugin, useInvoke } from 'mp-functions/taro/vue'; export default [useFunctions, functionsPlugin, useInvoke]",
    undefined,
    'Taro plugin, React and Vue parts too',
    TARO_WEAPP_DEFAULTS,
  ],
  'invokeMixin, uni-app (Vue 2, Options API)': [
    "import { FunctionsPlugin, invokeMixin } from 'mp-functions/uniapp'; export default [FunctionsPlugin, invokeMixin]",
    undefined,
    'uni-app plugin (default import, mp-weixin build)',
    UNI_MP_WEIXIN,
  ],
  'useInvoke, uni-app Vue 3': [
    "import { FunctionsPlugin } from 'mp-functions/uniapp'; import { useInvoke } from 'mp-functions/uniapp/vue'; export default [FunctionsPlugin, useInvoke]",
    undefined,
    'uni-app plugin (default import, mp-weixin build)',
    UNI_MP_WEIXIN,
  ],
}

/** Replaces build constants the way webpack's DefinePlugin does (whole identifiers, outside property names). */
const defineConstants = (constants) => ({
  name: 'define-constants',
  transform(code) {
    let replaced = code
    for (const [name, value] of Object.entries(constants)) {
      replaced = replaced.replace(new RegExp(`(?<![\\w.$])${name.replace(/\./g, '\\.')}(?![\\w$])`, 'g'), value)
    }
    return replaced === code ? null : { code: replaced, map: null }
  },
})

async function measure(code, { bundleAll = false, constants = {} } = {}) {
  const bundle = await rollup({
    input: 'entry',
    plugins: [
      {
        name: 'user-entry',
        resolveId: resolvePackage(bundleAll),
        load: (id) => (id === 'entry' ? code : null),
      },
      defineConstants(constants),
      nodeResolve(),
      commonjs(),
      terser(),
    ],
  })
  const { output } = await bundle.generate({ format: 'es' })
  await bundle.close()
  const min = Buffer.from(output[0].code)
  return { min: min.length, gzip: zlib.gzipSync(min, { level: 9 }).length }
}

async function measureAll() {
  const rows = []
  for (const [name, [code, budget, base, constants]] of Object.entries(imports)) {
    rows.push({ name, ...(await measure(code, { constants })), budget, base })
  }
  // `added`: what an opt-in feature adds to its base row; budgets are of the whole import.
  for (const row of rows) {
    const base = rows.find((other) => other.name === row.base)
    row.added = base ? row.gzip - base.gzip : row.gzip
  }
  return rows
}

module.exports = { imports, measure, measureAll, CORE_BUDGET, PLUGIN_BUDGET, ALIPAY_PLUGIN_BUDGET }

if (require.main === module) {
  measureAll().then((rows) => {
    console.log('import'.padEnd(42) + 'min'.padStart(8) + 'min+gzip'.padStart(10) + 'budget'.padStart(9))
    let over = 0
    for (const row of rows) {
      const fail = row.budget && row.gzip > row.budget
      if (fail) over++
      console.log(
        row.name.padEnd(42) +
          String(row.min).padStart(8) +
          String(row.gzip).padStart(10) +
          (row.budget ? String(row.budget).padStart(9) + (fail ? '  OVER BUDGET' : '  ok') : '') +
          (row.base ? `  (+${row.added} on top of "${row.base}")` : ''),
      )
    }
    process.exit(over ? 1 : 0)
  })
}
