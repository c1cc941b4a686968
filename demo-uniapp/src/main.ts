import { eventStreams } from 'mp-functions'
import { FunctionsPlugin, uniTransport } from 'mp-functions/uniapp'
import { createSSRApp } from 'vue'
import App from './App.vue'
import { anonKey, storageKey, url } from './config'

export function createApp() {
  const app = createSSRApp(App)
  // this.$functions, $functions in templates, uni.$functions and useFunctions() from here on.
  // eventStreams() adds invoke(name, { stream: true }); leave `transport` out if you need no streams.
  app.use(FunctionsPlugin, { url, anonKey, storageKey, timeout: 15000, transport: eventStreams(uniTransport()) })
  return { app }
}
