import { cloudRelay, type Feature, queue, retry } from 'mp-functions'
import { FunctionsPlugin } from 'mp-functions/uniapp'
import { createSSRApp } from 'vue'
import App from './App.vue'
import { anonKey, storageKey, throughRelay, url } from './config'

export function createApp() {
  const app = createSSRApp(App)
  // this.$functions, $functions in templates, uni.$functions and useFunctions() from here on.
  // Streaming is built in; features are named once, in any order: the client orders them.
  const features: Feature[] = [retry(), queue({ maxConcurrent: 8 })]
  if (throughRelay) {
    // wx.cloud is set up before the first call (give your environment ID: wx.cloud.init({ env: '<环境 ID>' })).
    // #ifdef MP-WEIXIN
    wx.cloud.init()
    // #endif
    features.push(cloudRelay())
  }
  app.use(FunctionsPlugin, { url, anonKey, storageKey, timeout: 15000, features })
  return { app }
}
