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
  if (entry) return path.join(root, entry.import || entry)
  return id === 'entry' ? id : bundleAll || /^[./]/.test(id) ? null : { id, external: true }
}

/**
 * name → [the user's import line, budget in bytes, the row the budget is counted on top of].
 * A plugin's budget is what it adds to the core pieces it uses.
 */
const imports = {
  'createFunctions (core)': ["import { createFunctions } from 'mp-functions'; export default createFunctions", 3072],
  'core + fetchTransport': ["import { createFunctions, fetchTransport } from 'mp-functions'; export default [createFunctions, fetchTransport]"],
  'core + miniProgramTransport': ["import { createFunctions, miniProgramTransport } from 'mp-functions'; export default [createFunctions, miniProgramTransport]"],
  'core + mini-program + session': ["import { createFunctions, miniProgramTransport, sessionFromStorage } from 'mp-functions'; export default [createFunctions, miniProgramTransport, sessionFromStorage]"],
  'core + mini-program + eventStreams': ["import { createFunctions, miniProgramTransport, eventStreams } from 'mp-functions'; export default [createFunctions, miniProgramTransport, eventStreams]"],
  'retryTransport': ["import { retryTransport } from 'mp-functions'; export default retryTransport", 1100],
  'queueTransport': ["import { queueTransport } from 'mp-functions'; export default queueTransport", 450],
  'withHooks': ["import { withHooks } from 'mp-functions'; export default withHooks", 500],
  'core + retry + queue + hooks': ["import { createFunctions, retryTransport, queueTransport, withHooks } from 'mp-functions'; export default [createFunctions, retryTransport, queueTransport, withHooks]"],
  'everything': ["export * from 'mp-functions'"],
  'Taro plugin runtime (all of it)': [
    "import { useFunctions } from 'mp-functions/taro'; import 'mp-functions/taro/react'; import { functionsPlugin } from 'mp-functions/taro/vue'; export default [useFunctions, functionsPlugin]",
    1024,
    'core + mini-program + session',
  ],
  'uni-app plugin': ["import { FunctionsPlugin } from 'mp-functions/uniapp'; export default FunctionsPlugin", 1024, 'core + mini-program + session'],
}

async function measure(code, { bundleAll = false } = {}) {
  const bundle = await rollup({
    input: 'entry',
    plugins: [
      {
        name: 'user-entry',
        resolveId: resolvePackage(bundleAll),
        load: (id) => (id === 'entry' ? code : null),
      },
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
  for (const [name, [code, budget, base]] of Object.entries(imports)) {
    rows.push({ name, ...(await measure(code)), budget, base })
  }
  // `added`: what counts against the budget (the whole import, or what it adds to its base row).
  for (const row of rows) {
    const base = rows.find((other) => other.name === row.base)
    row.added = base ? row.gzip - base.gzip : row.gzip
  }
  return rows
}

module.exports = { imports, measure, measureAll }

if (require.main === module) {
  measureAll().then((rows) => {
    console.log('import'.padEnd(34) + 'min'.padStart(8) + 'min+gzip'.padStart(10) + 'budget'.padStart(9))
    let over = 0
    for (const row of rows) {
      const fail = row.budget && row.added > row.budget
      if (fail) over++
      console.log(
        row.name.padEnd(34) + String(row.min).padStart(8) + String(row.gzip).padStart(10) +
          (row.budget ? String(row.budget).padStart(9) + (fail ? '  OVER BUDGET' : '  ok') : '') +
          (row.base ? `  (+${row.added} on top of "${row.base}")` : ''),
      )
    }
    process.exit(over ? 1 : 0)
  })
}
