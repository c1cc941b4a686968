// Vue 2.7 in a project that augments AppFunctions: defineComponent's this.$functions (shipped types), Vue.extend's
// (the README's shim, ../vue2/shims.d.ts) and useFunctions() are typed by it. Checked by tsc (test/types.test.ts).
import { useFunctions } from 'mp-functions/uniapp'
import Vue, { defineComponent } from 'vue'

declare module 'mp-functions' {
  interface AppFunctions {
    hello: { body: { name: string }; response: { message: string } }
  }
}

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false
const exact = <A, B>(_proof: Equal<A, B>) => _proof

export const Options = defineComponent({
  methods: {
    async hello() {
      const { data } = await this.$functions.invoke('hello', { body: { name: 'Vue 2' } })
      exact<typeof data, { message: string } | null>(true)
      // @ts-expect-error an unknown function
      await this.$functions.invoke('nope')
    },
  },
})

export const Extended = Vue.extend({
  methods: {
    async hello() {
      const { data } = await this.$functions.invoke('hello', { body: { name: 'Vue.extend' } })
      exact<typeof data, { message: string } | null>(true)
      // @ts-expect-error the body is required
      await this.$functions.invoke('hello')
      // @ts-expect-error a wrong body
      await useFunctions().invoke('hello', { body: { nam: 'x' } })
    },
  },
})
