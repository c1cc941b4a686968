'use strict'
// 4. Size: min+gzip of each import as a user's bundler sees it (scripts/size.js), beside the
// clients a user would otherwise ship. One row per import: add a row when a plugin or module lands.
const { measure } = require('../scripts/size')

const rows = [
  ['mp-functions core: `createFunctions`', "import { createFunctions } from 'mp-functions'; export default createFunctions"],
  ['mp-functions core + `fetchTransport` (H5)', "import { createFunctions, fetchTransport } from 'mp-functions'; export default [createFunctions, fetchTransport]"],
  [
    'mp-functions core + `miniProgramTransport` + `sessionFromStorage`',
    "import { createFunctions, miniProgramTransport, sessionFromStorage } from 'mp-functions'; export default [createFunctions, miniProgramTransport, sessionFromStorage]",
  ],
  ['@supabase/functions-js: `FunctionsClient`', "import { FunctionsClient } from '@supabase/functions-js'; export default FunctionsClient"],
  ['supabase-wechat-stable-v2: `createClient` (the whole SDK)', "import { createClient } from 'supabase-wechat-stable-v2'; export default createClient"],
]

const version = (name) => require(`${name}/package.json`).version

async function run() {
  const measured = []
  for (const [name, code] of rows) measured.push([name, ...Object.values(await measure(code))])
  return {
    title: '4. Size (min+gzip as a bundler sees each import)',
    head: ['import', 'min (B)', 'min+gzip (B)'],
    rows: measured,
    notes: `functions-js ${version('@supabase/functions-js')}, supabase-wechat-stable-v2 ${version('supabase-wechat-stable-v2')}, each bundled with its dependencies.`,
    goals: [],
  }
}

module.exports = { run, rows }
