// The README's uni.addInterceptor trap, with uni-app's real mp-weixin `uni` (its interceptor code)
// over a `wx` whose request does real HTTP to the gateway: an app interceptor that replaces or
// overrides `header` drops our apikey and the user's token; one that merges its defaults under ours,
// or leaves function calls alone, is safe.
import { execFileSync } from 'child_process'
import { join } from 'path'

it('uni.addInterceptor: replacing or overriding headers breaks function calls; merging under them does not', () => {
  const out = execFileSync(process.execPath, [join(__dirname, 'helpers', 'uni-interceptor-run.mjs')], { encoding: 'utf8', timeout: 60000 })
  expect(JSON.parse(out)).toEqual({
    none: { code: null, apikey: true, bearer: true, app: null },
    replaces: { code: 'RELAY_ERROR', apikey: false, bearer: false, app: '1' },
    overrides: { code: 'RELAY_ERROR', apikey: true, bearer: false, app: '1' },
    mergesUnder: { code: null, apikey: true, bearer: true, app: '1' },
    skipsFunctions: { code: null, apikey: true, bearer: true, app: null },
  })
}, 60000)
