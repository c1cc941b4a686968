import { execFileSync } from 'child_process'
import { join } from 'path'

// The types shipped in mp-functions/uniapp, as projects see them; each fixture's @ts-expect-error
// lines fail the check if $functions were `any`.
const demo = join(__dirname, '..')
const check = (bin: string, project: string) => () =>
  execFileSync(process.execPath, [join(demo, 'node_modules', bin), '--noEmit', '-p', project], { encoding: 'utf8', stdio: 'pipe' })

it("Vue 3, vue-tsc over the pages and types/usage.vue: this.$functions, $functions in templates, uni.$functions, useFunctions(), typed by the demo's AppFunctions", () => {
  expect(check('vue-tsc/bin/vue-tsc.js', demo)).not.toThrow()
}, 60000)

it('Vue 2.7, tsc over types/vue2: defineComponent and setup() typed as shipped, Vue.extend with the README snippet; untyped where nothing augments AppFunctions', () => {
  expect(check('typescript/bin/tsc', join(demo, 'types', 'vue2'))).not.toThrow()
}, 60000)

it('Vue 2.7 with AppFunctions augmented, tsc over types/vue2-typed: defineComponent, Vue.extend (README shim) and useFunctions() typed by it', () => {
  expect(check('typescript/bin/tsc', join(demo, 'types', 'vue2-typed'))).not.toThrow()
}, 60000)
