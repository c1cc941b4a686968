// Vue 2.7 projects: checked by tsc with `vue` mapped to Vue 2.7's types (tsconfig.json here). defineComponent
// components get $functions from the shipped types; Vue.extend ones from shims.d.ts. Nothing here augments
// AppFunctions, so the clients stay untyped: any name, `data: any` or the type given.
import { FunctionsPlugin, useFunctions } from 'mp-functions/uniapp'
import Vue, { defineComponent } from 'vue'
import type { FunctionsClient } from 'mp-functions'

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

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false
const exact = <A, B>(_proof: Equal<A, B>) => _proof

export const Extended = Vue.extend({
  methods: {
    async hello() {
      const { data } = await this.$functions.invoke('any-name', { query: { page: 1 } })
      exact<typeof data, any>(true)
      exact<ReturnType<typeof useFunctions>['invoke'], FunctionsClient['invoke']>(true)
      return this.$functions.invoke('hello')
    },
  },
})
