'use strict'
// 4. Size: min+gzip of each import as a user's bundler sees it — the imports and budgets of
// scripts/size.js (add a row there when a plugin or module lands) — beside the clients a user
// would otherwise ship, measured the same way.
const { imports, measure, measureAll } = require('../scripts/size')

const others = {
  '@supabase/functions-js: `FunctionsClient`': "import { FunctionsClient } from '@supabase/functions-js'; export default FunctionsClient",
  'supabase-wechat-stable-v2: `createClient` (the whole SDK)':
    "import { createClient } from 'supabase-wechat-stable-v2'; export default createClient",
}

const version = (name) => require(`${name}/package.json`).version

async function run({ smoke = false } = {}) {
  // The smoke run keeps one of our rows: scripts/size.js measures them all in the test suite already.
  const [name, [code, budget, base, constants]] = Object.entries(imports)[0]
  const ours = smoke ? [{ name, ...(await measure(code, { constants })), budget, base }] : await measureAll()
  const rows = ours.map((row) => [
    `mp-functions: ${row.name}`,
    row.min,
    row.gzip,
    [row.budget ? `${row.gzip} of ${row.budget}` : '', row.base ? `+${row.added} over “${row.base}”` : ''].filter(Boolean).join('; '),
  ])
  for (const [name, code] of Object.entries(others)) {
    const { min, gzip } = await measure(code, { bundleAll: true })
    rows.push([name, min, gzip, ''])
  }
  return {
    title: '4. Size (min+gzip as a bundler sees each import)',
    head: ['import', 'min (B)', 'min+gzip (B)', 'budget (B)'],
    rows,
    goals: [],
    notes: `functions-js ${version('@supabase/functions-js')} and supabase-wechat-stable-v2 ${version('supabase-wechat-stable-v2')}, each bundled with its dependencies.`,
  }
}

module.exports = { run }
