'use strict'
// Runs a built mini-program (Taro's weapp output) under Node: the globals the WeChat runtime gives
// (wx, App, Page, Component, getApp, getCurrentPages), pages that keep their data as WeChat would
// (setData with its path syntax), and taps delivered to the page's event handler as WeChat does.
const path = require('path')

/** Sets `value` at a setData path such as `root.cn.[0].cn.[2].v`. */
function setPath(target, key, value) {
  const parts = key.replace(/\[(\d+)\]/g, '.$1').split('.').filter(Boolean)
  let node = target
  parts.slice(0, -1).forEach((part, i) => {
    if (node[part] == null) node[part] = /^\d+$/.test(parts[i + 1]) ? [] : {}
    node = node[part]
  })
  node[parts[parts.length - 1]] = value
}

function loadMiniApp(dir, wx) {
  const pages = []
  let app
  const components = []
  const globals = {
    wx,
    App: (config) => (app = config),
    Page: (config) => pages.push(config),
    Component: (config) => components.push(config),
    getApp: () => app,
    getCurrentPages: () => pages.filter((page) => page.__instance).map((page) => page.__instance),
    requirePlugin: () => ({}),
  }
  const saved = {}
  for (const name of Object.keys(globals)) {
    saved[name] = global[name]
    global[name] = globals[name]
  }
  const load = (file) => require(path.join(dir, file))
  load('app.js')
  app.onLaunch && app.onLaunch({ path: 'pages/index/index', query: {}, scene: 1001 })
  app.onShow && app.onShow({ path: 'pages/index/index', query: {}, scene: 1001 })

  /** Loads and shows a page; resolves once the framework has rendered it. */
  async function openPage(route) {
    const before = pages.length
    load(route + '.js')
    const config = pages[before]
    const page = Object.create(config)
    page.data = JSON.parse(JSON.stringify(config.data || {}))
    page.route = page.__route__ = route
    page.setData = (changes, callback) => {
      for (const key of Object.keys(changes)) setPath(page.data, key, changes[key])
      if (callback) setTimeout(callback, 0)
    }
    config.__instance = page
    page.onLoad && page.onLoad.call(page, {})
    page.onShow && page.onShow.call(page)
    page.onReady && page.onReady.call(page)
    for (let i = 0; !(page.data.root && page.data.root.cn && page.data.root.cn.length); i++) {
      if (i > 500) throw new Error(`${route} rendered nothing`)
      await new Promise((resolve) => setTimeout(resolve, 10))
    }
    return driver(page)
  }

  function driver(page) {
    // Taro's tree in page.data.root: `cn` children, `v` text, `uid` the element's id (or `sid`).
    const find = (node, id) => {
      if (!node || typeof node != 'object') return null
      if (node.uid === id || node.sid === id) return node
      for (const child of node.cn || []) {
        const hit = find(child, id)
        if (hit) return hit
      }
      return null
    }
    const text = (node) => (node ? (node.v != null ? String(node.v) : '') + (node.cn || []).map(text).join('') : null)
    return {
      page,
      text: (id) => text(find(page.data.root, id)),
      tap(id) {
        const node = find(page.data.root, id)
        if (!node) throw new Error(`no element #${id} on the page`)
        const target = { id: node.uid || node.sid, dataset: {} }
        page.eh({ type: 'tap', timeStamp: Date.now(), target, currentTarget: target, detail: {}, touches: [], changedTouches: [] })
      },
      async waitForText(id, predicate, timeout = 10000) {
        const start = Date.now()
        for (;;) {
          const value = text(find(page.data.root, id))
          if (value != null && predicate(value)) return value
          if (Date.now() - start > timeout) throw new Error(`#${id} still shows ${JSON.stringify(value)}`)
          await new Promise((resolve) => setTimeout(resolve, 20))
        }
      },
    }
  }

  return {
    app,
    openPage,
    close() {
      for (const name of Object.keys(saved)) {
        if (saved[name] === undefined) delete global[name]
        else global[name] = saved[name]
      }
    },
  }
}

module.exports = { loadMiniApp }
