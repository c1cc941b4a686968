'use strict'
// 3. Bridge calls per call: on a device each storage read crosses the native bridge, and parsing the
// session again on every call is wasted work. One signed-in invoke over a storage that counts its
// reads, with JSON.parse counted while the calls run. The answer is text, so every parse counted is
// the session's.
const { createFunctions, sessionFromStorage } = require('../dist/index.cjs')

const URL_ = 'http://127.0.0.1:54321'
const session = {
  access_token: 'user.jwt.token',
  token_type: 'bearer',
  expires_in: 3600,
  expires_at: Math.round(Date.now() / 1000) + 3600,
  refresh_token: 'refresh-token',
  user: { id: 'user-id', email: 'demo@example.com' },
}
const textAnswer = { statusCode: 200, header: { 'content-type': 'text/plain' }, data: new TextEncoder().encode('ok').buffer }

/** Storage reads, storage writes and JSON parses of `calls` calls, the first (cold) one apart. */
async function count(stored, calls) {
  let reads = 0
  let writes = 0
  const storage = {
    getItem: () => (reads++, stored),
    setItem: () => void writes++,
    removeItem: () => void writes++,
  }
  let bearer
  const functions = createFunctions({
    url: URL_,
    anonKey: 'anon',
    transport: (request) => {
      bearer = request.header.Authorization
      request.success(textAnswer)
    },
    accessToken: sessionFromStorage(storage),
  })
  const parse = JSON.parse
  let parses = 0
  JSON.parse = function countedParse() {
    parses++
    return parse.apply(this, arguments)
  }
  const figures = []
  try {
    for (const n of [1, calls]) {
      reads = writes = parses = 0
      for (let i = 0; i < n; i++) {
        const { error } = await functions.invoke('hello')
        if (error) throw error
      }
      figures.push([reads / n, parses / n, writes / n])
    }
  } finally {
    JSON.parse = parse
  }
  if (bearer !== 'Bearer ' + session.access_token) throw new Error("the user's token was not sent")
  return figures
}

async function run({ smoke = false } = {}) {
  const calls = smoke ? 5 : 1000
  const rows = []
  const goals = []
  const formats = { 'JSON string (wx, supabase-wechat-stable-v2)': JSON.stringify(session), 'object (Taro / uni-app storage)': session }
  for (const [format, stored] of Object.entries(formats)) {
    const [cold, warm] = await count(stored, calls)
    rows.push([format, 'first call', ...cold], [format, `each of the next ${calls}`, ...warm])
    goals.push({
      label: `session as ${format.split(' (')[0]}: reads, parses per call when unchanged`,
      value: `${warm[0]}, ${warm[1]}`,
      goal: '≤ 1, 0',
      met: warm[0] <= 1 && warm[1] == 0,
    })
  }
  return {
    title: '3. Bridge calls per signed-in invoke (sessionFromStorage)',
    head: ['stored session', 'calls', 'storage reads', 'JSON parses', 'storage writes'],
    rows,
    goals,
  }
}

module.exports = { run }
