'use strict'
/**
 * Runs a built WeChat mini-program (a uni-app `dist/build/mp-weixin`, say) under Node, the way the
 * WeChat runtime would: each file is a CommonJS module in one JS context that has only what WeChat
 * gives (`wx`, `App`, `Page`, `Component`, `getApp`, `getCurrentPages`, timers, console), no
 * `fetch`, `URL`, `Buffer` or `process`. Pages registered through `Page()` or `Component()` are
 * instantiated with a `setData` that applies the runtime's updates to `data`, the way the view
 * layer would receive them; `tap(id)` fires the `bindtap` handler the WXML binds to that element.
 * Taro pages render one generic template from a tree in `data.root` instead: there the element is
 * found in the tree (its `uid` is the id) and taps go to the page's `eh` handler, as Taro's templates bind.
 */
const fs = require('fs')
const path = require('path')
const timers = require('timers')
const vm = require('vm')

/** `a.b[2].c` → ['a', 'b', 2, 'c'] */
const splitPath = (key) =>
  key
    .split(/\.|\[(\d+)\]/)
    .filter((part) => part !== undefined && part !== '')
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part))

function setPath(target, key, value) {
  const parts = splitPath(key)
  let node = target
  parts.slice(0, -1).forEach((part, i) => {
    if (node[part] == null || typeof node[part] != 'object') node[part] = typeof parts[i + 1] == 'number' ? [] : {}
    node = node[part]
  })
  node[parts[parts.length - 1]] = value
}

/**
 * @param {string} dir the build's root (where app.json is)
 * @param {{ wx: any, global?: string, template?: string }} options a fake `wx` (test/helpers/fake-wx/);
 *   for the platforms that copied WeChat's page model, the name it goes by (`'tt'`, `'qq'`, `'swan'`) and
 *   the extension of their templates (`'.ttml'`, `'.qml'`, `'.swan'`)
 */
function loadMiniProgram(dir, { wx, global = 'wx', template = '.wxml' }) {
  const appJson = JSON.parse(fs.readFileSync(path.join(dir, 'app.json'), 'utf8'))
  const definitions = {}
  const pages = []
  let app
  let loading

  const context = vm.createContext({
    [global]: wx,
    console,
    setTimeout: timers.setTimeout,
    clearTimeout: timers.clearTimeout,
    setInterval: timers.setInterval,
    clearInterval: timers.clearInterval,
    App: (options) => {
      app = options
    },
    Page: (options) => {
      definitions[loading] = { options, component: false }
    },
    Component: (options) => {
      definitions[loading] = { options, component: true }
    },
    getApp: () => app,
    getCurrentPages: () => pages.slice(),
  })
  context.global = context

  const modules = {}
  const load = (file) => {
    if (!modules[file]) {
      const module = (modules[file] = { exports: {} })
      const code = fs.readFileSync(path.join(dir, file), 'utf8')
      const run = vm.runInContext(`(function (exports, require, module) {${code}\n})`, context, { filename: path.join(dir, file) })
      const require = (id) => load(path.posix.normalize(path.posix.join(path.posix.dirname(file), id.replace(/(\.js)?$/, '.js'))))
      run(module.exports, require, module)
    }
    return modules[file].exports
  }

  load('app.js')
  for (const page of appJson.pages) {
    loading = page
    load(page + '.js')
  }
  loading = undefined
  if (!app) throw new Error('app.js did not call App()')
  const launch = { path: appJson.pages[0], query: {}, scene: 1001, referrerInfo: {} }
  if (app.onLaunch) app.onLaunch(launch)
  if (app.onShow) app.onShow(launch)

  /** Opens a page as navigation would, running its lifecycle up to `ready`. */
  function openPage(route, query = {}) {
    const definition = definitions[route]
    if (!definition) throw new Error(`no page ${route}`)
    const { options, component } = definition
    const wxml = fs.readFileSync(path.join(dir, route + template), 'utf8')
    const lifetimes = Object.assign({}, component ? options : {}, options.lifetimes)
    const call = (hook, ...args) => typeof hook == 'function' && hook.apply(page, args)
    const page = {
      route,
      is: route,
      options: query,
      data: JSON.parse(JSON.stringify(options.data || {})),
      properties: {},
      setData(patch, callback) {
        for (const key of Object.keys(patch || {})) setPath(page.data, key, patch[key])
        if (callback) timers.setImmediate(callback)
      },
      selectComponent: () => null,
      selectAllComponents: () => [],
      createSelectorQuery: () => wx.createSelectorQuery(),
      triggerEvent() {},
      getOpenerEventChannel: () => ({ emit() {}, on() {}, once() {}, off() {} }),
    }
    Object.assign(page, component ? options.methods : options)
    pages.push(page)
    call(lifetimes.created)
    call(lifetimes.attached)
    call(page.onLoad, query)
    call(page.onShow)
    call(lifetimes.ready)
    call(page.onReady)

    /** The data key a `{{key}}` in the element with this id shows, or its `bind<event>` names. */
    const binding = (id, attribute) => {
      const element = new RegExp(`<[\\w-]+[^>]*\\sid="${id}"[^>]*>`).exec(wxml)
      if (!element) throw new Error(`no element #${id} in ${route}${template}`)
      if (!attribute) {
        const text = new RegExp(`\\sid="${id}"[^>]*>\\{\\{([\\w.\\[\\]]+)\\}\\}<`).exec(wxml)
        if (!text) throw new Error(`#${id} shows no {{binding}}`)
        return text[1]
      }
      const bound = new RegExp(`\\s${attribute}="\\{\\{(\\w+)\\}\\}"`).exec(element[0])
      if (!bound) throw new Error(`#${id} has no ${attribute}`)
      return bound[1]
    }
    const read = (key) => splitPath(key).reduce((node, part) => (node == null ? node : node[part]), page.data)
    // Taro: `cn` children, `v` a text node's value, `uid` the id the app gave (`sid` otherwise).
    const taro = /<template is="taro_tmpl"/.test(wxml)
    const findNode = (node, id) => {
      if (!node || typeof node != 'object') return null
      if (node.uid === id || node.sid === id) return node
      return (node.cn || []).reduce((hit, child) => hit || findNode(child, id), null)
    }
    const nodeText = (node) => (node.v != null ? String(node.v) : '') + (node.cn || []).map(nodeText).join('')
    const fire = (handler, id, dataset = {}) => {
      if (typeof page[handler] != 'function') throw new Error(`#${id}: no handler ${handler}`)
      const target = { id, dataset }
      page[handler]({
        type: 'tap',
        timeStamp: Date.now(),
        detail: { x: 0, y: 0 },
        target,
        currentTarget: target,
        touches: [],
        changedTouches: [],
      })
    }

    // uni-app Vue 2 binds every event to one dispatcher (`bindtap="__e"`) that reads what to call from the
    // element's `data-event-opts="{{[['tap',[['method',['$event']]]]]}}"`: an array of single-quoted names.
    const vue2Dispatcher = (id) => {
      const element = new RegExp(`<[\\w-]+[^>]*\\sid="${id}"[^>]*>`).exec(wxml)
      const dispatcher = element && /\sbindtap="(\w+)"/.exec(element[0])
      if (!dispatcher) return null
      const options = /\sdata-event-opts="\{\{(.*?)\}\}"/.exec(element[0])
      return { handler: dispatcher[1], dataset: { eventOpts: options ? JSON.parse(options[1].replace(/'/g, '"')) : [] } }
    }

    return {
      instance: page,
      /** Another page opened over it, or the app went to the background: WeChat calls onHide. */
      hide: () => call(page.onHide),
      /** Shown again (navigateBack to it, the app back in front): onShow. */
      show: () => call(page.onShow),
      /** Closed (navigateBack from it, redirectTo): onUnload, then the page component is detached. */
      unload() {
        call(page.onUnload)
        call(lifetimes.detached)
      },
      /** What the element shows (its text binding), '' before the runtime set it. */
      text: (id) => {
        if (taro) {
          const node = findNode(page.data.root, id)
          return node ? nodeText(node) : ''
        }
        const value = read(binding(id))
        return value == null ? '' : String(value)
      },
      /** Fires `bindtap` on the element, with the event shape WeChat delivers. */
      tap(id) {
        if (!taro) {
          const vue2 = vue2Dispatcher(id)
          return vue2 ? fire(vue2.handler, id, vue2.dataset) : fire(read(binding(id, 'bindtap')), id)
        }
        const node = findNode(page.data.root, id)
        if (!node) throw new Error(`no element #${id} on ${route}`)
        fire('eh', node.uid || node.sid)
      },
      /** Resolves with the element's text once `done(text)` holds; rejects after `timeout` ms. */
      waitForText(id, done = (text) => text !== '', timeout = 10000) {
        const start = Date.now()
        return new Promise((resolve, reject) => {
          const check = () => {
            const text = this.text(id)
            if (done(text)) return resolve(text)
            if (Date.now() - start > timeout) return reject(new Error(`#${id} still shows ${JSON.stringify(text)}`))
            timers.setTimeout(check, 10)
          }
          check()
        })
      },
    }
  }

  return { app, openPage }
}

module.exports = { loadMiniProgram }
