import { FunctionsPlugin, useFunctions } from 'mp-functions/uniapp'
import { until, useGateway } from './setup'
// Vue 2.7 (npm alias vue2 → vue@2.7.16, beside Vue 3 in this package), with its template compiler.
// eslint-disable-next-line @typescript-eslint/no-var-requires
const Vue = require('vue2/dist/vue.common.js')
Vue.config.productionTip = false
Vue.config.devtools = false

// Many uni-app projects are still Vue 2: main.js does Vue.use(FunctionsPlugin, {...}).
const gateway = useGateway()

it('is Vue 2.7', () => {
  expect(Vue.version).toBe('2.7.16')
})

it('Vue.use: this.$functions in the Options API and in templates, uni.$functions, useFunctions() in setup()', async () => {
  Vue.use(FunctionsPlugin, { url: gateway.url, anonKey: gateway.anonKey })
  expect(Vue.prototype.$functions).toBe(uni.$functions)
  const vm = new Vue({
    template: `<div><span id="options">{{ options }}</span><span id="setup">{{ fromSetup }}</span><span id="same">{{ $functions === functions }}</span></div>`,
    setup() {
      const functions = useFunctions()
      const state = Vue.reactive({ fromSetup: '' })
      functions.invoke('hello', { body: { name: 'Vue 2 setup' } }).then(({ data }) => (state.fromSetup = data.message))
      return { functions, ...Vue.toRefs(state) }
    },
    data: () => ({ options: '' }),
    async mounted() {
      const { data } = await this.$functions.invoke('hello', { body: { name: 'Vue 2' } })
      this.options = data.message
    },
  }).$mount(document.createElement('div'))
  const text = (id: string) => vm.$el.querySelector('#' + id).textContent
  expect(await until(() => text('options'))).toBe('Hello Vue 2!')
  expect(await until(() => text('setup'))).toBe('Hello Vue 2 setup!')
  expect(text('same')).toBe('true')
  vm.$destroy()
})
