// Type-checked only (`tsc -p tsconfig.vue.json`, run by the repo's tests): `this.$functions` in Vue 3
// components, typed by `AppFunctions` (src/functions.d.ts).
import type { InvokeError } from 'mp-functions'
import { useInvoke, useInvokeStream } from 'mp-functions/taro/vue'
import { defineComponent, ref } from 'vue'

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

// useInvoke / useInvokeStream in setup(): refs typed by the same registry.
export function setupProbe(): string {
  const page = ref(1)
  const { data, error, loading, run } = useInvoke('hello', () => ({ body: { name: 'p' + page.value } }))
  exact<typeof data.value, { message: string } | null>(true)
  exact<typeof loading.value, boolean>(true)
  exact<typeof error.value, InvokeError | null>(true)
  run({ body: { name: 'again' } })
  // @ts-expect-error an unknown function
  useInvoke('nope')
  // @ts-expect-error a wrong body
  useInvoke('hello', { body: { name: 1 } })
  const slow = useInvoke('slow', { query: { ms: 10 }, deps: [page] })
  exact<typeof slow.data.value, { waited: number } | null>(true)
  const chat = useInvokeStream('sse', { query: { count: 3 } })
  exact<typeof chat.text.value, string>(true)
  return data.value ? data.value.message : ''
}
