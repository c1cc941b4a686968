import Taro from '@tarojs/taro'
import { defineComponent } from 'vue'

/** The Vue 3 page: `this.$functions` in methods (the template reads `$functions` too). */
export default defineComponent({
  data: () => ({ hello: '', text: '' }),
  methods: {
    go(name: string) {
      Taro.navigateTo({ url: `/pages/${name}/index` })
    },
    async sayHello() {
      const { data, error } = await this.$functions.invoke('hello', { body: { name: 'Vue 3' } })
      this.hello = error ? `出错了 ${error.code}: ${error.message}` : data.message
    },
  },
})
