import Taro from '@tarojs/taro'
import { useInvoke } from 'mp-functions/taro/vue'
import { computed, defineComponent, ref } from 'vue'

/**
 * A form whose call shows loading and error states: nothing is sent until it is submitted
 * (`immediate: false`); Taro's loading indicator and error toast come from the hook's options.
 */
export default defineComponent({
  setup() {
    const name = ref('表单')
    const greeting = useInvoke('hello', { immediate: false, loading: '提交中', errorToast: true })
    // A function that always fails, to show the error state.
    const failing = useInvoke('status/422', { immediate: false, errorToast: (error) => `提交失败：${error.code}` })
    const greetingState = computed(() =>
      greeting.loading.value
        ? '提交中…'
        : greeting.error.value
          ? `出错了 ${greeting.error.value.code}`
          : greeting.data.value
            ? greeting.data.value.message
            : '',
    )
    const failingState = computed(() =>
      failing.loading.value ? '提交中…' : failing.error.value ? `出错了 ${failing.error.value.code}` : '',
    )
    return {
      name,
      greetingState,
      failingState,
      submit: () => greeting.run({ body: { name: name.value } }),
      fail: () => failing.run(),
      back: () => Taro.navigateBack(),
    }
  },
})
