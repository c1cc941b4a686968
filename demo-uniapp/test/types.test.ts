import { execFileSync } from 'child_process'
import { join } from 'path'

// The types shipped in mp-functions/uniapp, as a uni-app Vue 3 TS project sees them: vue-tsc over
// the demo's pages and types/usage.vue (whose @ts-expect-error lines fail if $functions were any).
it('vue-tsc: this.$functions, $functions in templates, uni.$functions and useFunctions() are typed', () => {
  const vueTsc = join(__dirname, '..', 'node_modules', 'vue-tsc', 'bin', 'vue-tsc.js')
  expect(() => execFileSync(process.execPath, [vueTsc, '--noEmit', '-p', join(__dirname, '..')], { encoding: 'utf8', stdio: 'pipe' })).not.toThrow()
}, 60000)
