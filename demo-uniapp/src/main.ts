import { queue, retry } from 'mp-functions'
import { FunctionsPlugin } from 'mp-functions/uniapp'
import { createSSRApp } from 'vue'
import App from './App.vue'
import { anonKey, storageKey, url } from './config'

export function createApp() {
  const app = createSSRApp(App)
  // this.$functions, $functions in templates, uni.$functions and useFunctions() from here on.
  // Streaming is built in; features are named once, in any order: the client orders them.
  app.use(FunctionsPlugin, { url, anonKey, storageKey, timeout: 15000, features: [retry(), queue({ maxConcurrent: 8 })] })
  return { app }
}
