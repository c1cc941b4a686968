import { useInvokeStream } from 'mp-functions/taro/vue'
import { defineComponent, h } from 'vue'

/** A chat answer streamed from `sse`, as it is written. */
export default defineComponent({
  setup() {
    const { events, text, loading, error, run } = useInvokeStream('sse', {
      query: { count: 4, interval: 150 },
      pick: (event) => (event.data === '[DONE]' ? '' : JSON.parse(event.data).text),
    })
    return () =>
      h('div', [
        h('span', { id: 'chat-events' }, String(events.value.length)),
        h('span', { id: 'chat-text' }, text.value),
        h('span', { id: 'chat-loading' }, loading.value ? 'loading' : 'idle'),
        h('span', { id: 'chat-error' }, error.value ? error.value.code : ''),
        h('button', { id: 'chat-send', onClick: () => run() }, 'send'),
        h('button', { id: 'chat-feed', onClick: () => run({ query: { forever: 1, interval: 30 } as never }) }, 'feed'),
      ])
  },
})
