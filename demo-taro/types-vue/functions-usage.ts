// Type-checked only (`tsc -p tsconfig.vue.json`, run by the repo's tests): `this.$functions` in Vue 3
// components, typed by `AppFunctions` (src/functions.d.ts).
import { defineComponent } from 'vue'

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false
const exact = <A, B>(_proof: Equal<A, B>) => _proof

export default defineComponent({
  methods: {
    async run(): Promise<string | undefined> {
      const { data } = await this.$functions.invoke('hello', { body: { name: 'Vue' } })
      exact<typeof data, { message: string } | null>(true)
      // @ts-expect-error an unknown function
      await this.$functions.invoke('nope')
      // @ts-expect-error a wrong body
      await this.$functions.invoke('hello', { body: { nam: 'Vue' } })
      // @ts-expect-error an unknown option
      await this.$functions.invoke('text', { bodyy: 1 })
      return data?.message
    },
  },
})
