// The snippet plugins/uniapp/README.md gives Vue 2 users for `Vue.extend` / `export default {}`
// components (defineComponent ones are typed without it); typed by AppFunctions once a project augments it.
import type { AppFunctions, FunctionsClient } from 'mp-functions'

declare module 'vue/types/vue' {
  interface Vue {
    $functions: FunctionsClient<AppFunctions>
  }
}
