// A Taro React app with its pages and router in jsdom, as @tarojs/test-utils-react's createApp() makes
// one, for Taro 4: test-utils 0.1.1 (the latest) calls Taro 3.6's createRouter(app, config, framework),
// while Taro 4's takes the history first (createRouter(history, app, config, framework)). The rest is
// test-utils' own code path: createReactApp, the hash router, pages loaded from `dir`/src.
import { createReactApp } from '@tarojs/plugin-framework-react/dist/runtime'
import { Current } from '@tarojs/runtime'
import { join } from 'path'
import * as React from 'react'
import ReactDOM from 'react-dom/client'

// Required, not imported: its `history` is set by setHistoryMode, read live from the module's exports.
// eslint-disable-next-line @typescript-eslint/no-var-requires
const router = require('@tarojs/router')

export async function createTaroApp(dir: string) {
  const app = require(join(dir, 'src', 'app')).default
  const config = Object.assign({}, require(join(dir, 'src', 'app.config')).default)
  config.routes = config.pages.map((path: string) => ({
    path,
    load: async (context: any, params: any) => [require(join(dir, 'src', context.route.path)).default, context, params],
  }))
  config.router = { mode: 'hash' }
  const appInstance = (createReactApp as any)(app, React, ReactDOM, config)
  Current.page = { path: '/' + config.pages[0] } as any
  document.body.innerHTML = `<div id="app"></div>`
  router.setHistoryMode('hash')
  router.createRouter(router.history, appInstance, config, 'React')
  await new Promise((resolve) => requestAnimationFrame(resolve))
  return appInstance
}
