// The snippet plugins/uniapp/README.md gives Vue 2 users for `Vue.extend` / `export default {}`
// components (defineComponent ones are typed without it).
import type { FunctionsClient } from 'mp-functions'

declare module 'vue/types/vue' {
  interface Vue {
    $functions: FunctionsClient
  }
}
