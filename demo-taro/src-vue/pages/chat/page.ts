import Taro from '@tarojs/taro'
import { useInvokeStream } from 'mp-functions/taro/vue'
import { computed, defineComponent } from 'vue'

/**
 * An AI-chat-like answer, shown as it is written: useInvokeStream over the gateway's `sse` function.
 * Leaving the page while it streams aborts the request (the page's useUnload).
 */
export default defineComponent({
  setup() {
    const { text, events, loading, error, run, cancel } = useInvokeStream('sse', {
      query: { count: 6, interval: 300 },
      // Each event's text on a line of its own; the closing `[DONE]` adds nothing.
      pick: (event) => (event.data == '[DONE]' ? '' : JSON.parse(event.data).text + '\n'),
    })
    const state = computed(() =>
      loading.value ? '回答中…' : error.value ? `出错了 ${error.value.code}` : events.value.length ? '完成' : '',
    )
    const count = computed(() => events.value.length)
    return { text, count, state, send: () => run(), cancel, back: () => Taro.navigateBack() }
  },
})
