'use strict'
// Min+gzip size of each public import as a user's bundler sees it: rollup tree-shakes the built
// package, terser minifies, gzip -9 compresses. `npm run size` prints the table and fails over budget.
const path = require('path')
const zlib = require('zlib')
const { rollup } = require('rollup')
const terser = require('@rollup/plugin-terser')

const dist = path.join(__dirname, '..', 'dist', 'index.mjs')

/** name → [the user's import line, budget in bytes] */
const imports = {
  'createFunctions (core)': ["import { createFunctions } from 'mp-functions'; export default createFunctions", 3072],
  'core + fetchTransport': ["import { createFunctions, fetchTransport } from 'mp-functions'; export default [createFunctions, fetchTransport]"],
  'core + miniProgramTransport': ["import { createFunctions, miniProgramTransport } from 'mp-functions'; export default [createFunctions, miniProgramTransport]"],
  'core + mini-program + session': ["import { createFunctions, miniProgramTransport, sessionFromStorage } from 'mp-functions'; export default [createFunctions, miniProgramTransport, sessionFromStorage]"],
  'retryTransport': ["import { retryTransport } from 'mp-functions'; export default retryTransport", 1000],
  'queueTransport': ["import { queueTransport } from 'mp-functions'; export default queueTransport", 450],
  'withHooks': ["import { withHooks } from 'mp-functions'; export default withHooks", 500],
  'core + retry + queue + hooks': ["import { createFunctions, retryTransport, queueTransport, withHooks } from 'mp-functions'; export default [createFunctions, retryTransport, queueTransport, withHooks]"],
  'everything': ["export * from 'mp-functions'"],
}

async function measure(code) {
  const bundle = await rollup({
    input: 'entry',
    plugins: [
      {
        name: 'user-entry',
        resolveId: (id) => (id === 'entry' ? id : id === 'mp-functions' ? dist : null),
        load: (id) => (id === 'entry' ? code : null),
      },
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
  for (const [name, [code, budget]] of Object.entries(imports)) {
    rows.push({ name, ...(await measure(code)), budget })
  }
  return rows
}

module.exports = { measure, measureAll }

if (require.main === module) {
  measureAll().then((rows) => {
    console.log('import'.padEnd(32) + 'min'.padStart(8) + 'min+gzip'.padStart(10) + 'budget'.padStart(9))
    let over = 0
    for (const row of rows) {
      const fail = row.budget && row.gzip > row.budget
      if (fail) over++
      console.log(
        row.name.padEnd(32) + String(row.min).padStart(8) + String(row.gzip).padStart(10) +
          (row.budget ? String(row.budget).padStart(9) + (fail ? '  OVER BUDGET' : '  ok') : ''),
      )
    }
    process.exit(over ? 1 : 0)
  })
}
