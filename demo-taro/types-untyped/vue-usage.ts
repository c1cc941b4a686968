// Type-checked only (`tsc -p tsconfig.untyped.json`, run by the repo's tests): `this.$functions` in Vue 3 components
// of a project that does not augment `AppFunctions`: untyped, as before.
import { defineComponent } from 'vue'

export default defineComponent({
  methods: {
    async run(): Promise<string | undefined> {
      const { data } = await this.$functions.invoke<{ message: string }>('hello', { body: { name: 'Vue' } })
      // @ts-expect-error invoke needs a function name
      this.$functions.invoke()
      // @ts-expect-error an unknown option
      await this.$functions.invoke('hello', { bodyy: 1 })
      return data?.message
    },
  },
})
