// A Taro Vue 3 app with its pages and router in jsdom, as @tarojs/test-utils-vue3's createApp() makes
// one, for Taro 4: test-utils 0.1.1 (the latest) calls Taro 3.6's createRouter(app, config), while
// Taro 4's takes the history first (createRouter(history, app, config, framework)). The rest is
// test-utils' own code path: Taro's Vue 3 components, createVue3App, the hash router, pages from `dir`/src.
import * as components from '@tarojs/components/lib/vue3'
import { initVue3Components } from '@tarojs/components/lib/vue3/components-loader'
import { createVue3App } from '@tarojs/plugin-framework-vue3/dist/runtime'
import { Current } from '@tarojs/runtime'
import { join } from 'path'
import { h } from 'vue'

// Required, not imported: its `history` is set by setHistoryMode, read live from the module's exports.
// eslint-disable-next-line @typescript-eslint/no-var-requires
const router = require('@tarojs/router')

export async function createTaroVueApp(dir: string) {
  const app = require(join(dir, 'src', 'app')).default
  const config = Object.assign({}, require(join(dir, 'src', 'app.config')).default)
  config.routes = config.pages.map((path: string) => ({
    path,
    load: async (context: any, params: any) => [require(join(dir, 'src', context.route.path)).default, context, params],
  }))
  config.router = { mode: 'hash' }
  ;(initVue3Components as any)(app, components)
  const appInstance = (createVue3App as any)(app, h, config)
  Current.page = { path: '/' + config.pages[0] } as any
  document.body.innerHTML = `<div id="app"></div>`
  router.setHistoryMode('hash')
  router.createRouter(router.history, appInstance, config, 'Vue3')
  await new Promise((resolve) => requestAnimationFrame(resolve))
  return appInstance
}
