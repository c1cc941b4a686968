import { useInvoke } from 'mp-functions/taro/vue'
import { defineComponent, h, ref } from 'vue'

/** A page calling `slow` with a reactive options getter: changing `ms` runs the call again. */
export default defineComponent({
  setup() {
    const ms = ref(300)
    const { data, error, loading, run, cancel } = useInvoke('slow', () => ({
      query: { ms: ms.value },
      pauseOnHide: true,
      refreshOnShow: true,
    }))
    return () =>
      h('div', [
        h('span', { id: 'list-loading' }, loading.value ? 'loading' : 'idle'),
        h('span', { id: 'list-data' }, data.value ? JSON.stringify(data.value) : ''),
        h('span', { id: 'list-error' }, error.value ? error.value.code : ''),
        h('button', { id: 'list-run-fast', onClick: () => run({ query: { ms: 20 } }) }, 'run fast'),
        h('button', { id: 'list-run-slow', onClick: () => run({ query: { ms: 600 } }) }, 'run slow'),
        h('button', { id: 'list-deps', onClick: () => (ms.value = 50) }, 'deps'),
        h('button', { id: 'list-cancel', onClick: () => cancel() }, 'cancel'),
      ])
  },
})
