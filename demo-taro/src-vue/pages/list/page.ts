import Taro from '@tarojs/taro'
import { useInvoke } from 'mp-functions/taro/vue'
import { computed, defineComponent, ref } from 'vue'

/**
 * A list with cache and refresh: opened again, it shows the page it had at once and refreshes behind it;
 * shown again after another page, it refreshes; hidden mid-call, the call is aborted and made again on show.
 */
export default defineComponent({
  setup() {
    const page = ref(1)
    // A getter: when `page` changes, the call is made again with it.
    const { data, error, loading, refresh } = useInvoke('list', () => ({
      query: { page: page.value, ms: 800 },
      cache: { staleTime: 0 },
      pauseOnHide: true,
      refreshOnShow: true,
    }))
    const titles = computed(() => (data.value ? data.value.items.map((item) => item.title).join(',') : ''))
    const at = computed(() => (data.value ? data.value.at : ''))
    const state = computed(() =>
      loading.value ? (data.value ? '刷新中…' : '加载中…') : error.value ? `出错了 ${error.value.code}` : '已是最新',
    )
    return { titles, at, state, next: () => page.value++, refresh: () => refresh(), back: () => Taro.navigateBack() }
  },
})
