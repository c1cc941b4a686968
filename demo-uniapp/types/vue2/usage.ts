// Vue 2.7 projects: checked by tsc with `vue` mapped to Vue 2.7's types (tsconfig.json here). defineComponent
// components get $functions from the shipped types; Vue.extend ones from shims.d.ts.
import { FunctionsPlugin, useFunctions } from 'mp-functions/uniapp'
import Vue, { defineComponent } from 'vue'

Vue.use(FunctionsPlugin, { url: 'https://abcd.supabase.co', anonKey: 'key' })

export const Options = defineComponent({
  data: () => ({ message: '' }),
  methods: {
    async hello() {
      const { data, error } = await this.$functions.invoke<{ message: string }>('hello')
      this.message = error ? error.message : data.message
      // @ts-expect-error the client has no such method
      this.$functions.call('hello')
    },
  },
})

export const Setup = defineComponent({
  setup() {
    return { functions: useFunctions() }
  },
})

export const Extended = Vue.extend({
  methods: {
    hello() {
      return this.$functions.invoke('hello')
    },
  },
})
