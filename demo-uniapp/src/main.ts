import { FunctionsPlugin } from 'mp-functions/uniapp'
import { createSSRApp } from 'vue'
import App from './App.vue'
import { anonKey, storageKey, url } from './config'

export function createApp() {
  const app = createSSRApp(App)
  // this.$functions, $functions in templates, uni.$functions and useFunctions() from here on.
  app.use(FunctionsPlugin, { url, anonKey, storageKey, timeout: 15000 })
  return { app }
}
