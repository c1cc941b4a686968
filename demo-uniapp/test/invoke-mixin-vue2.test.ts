import { FunctionsPlugin, invokeMixin } from 'mp-functions/uniapp'
import { until, useGateway } from './setup'
// Vue 2.7 (npm alias vue2 → vue@2.7.16), with its template compiler. invokeMixin uses nothing of the
// composition API, so it is what uni-app Vue 2 projects (below 2.7) have too.
// eslint-disable-next-line @typescript-eslint/no-var-requires
const Vue = require('vue2/dist/vue.common.js')
Vue.config.productionTip = false
Vue.config.devtools = false
// uni-app's Vue 2 runtime merges page hooks from mixins as Vue merges `created` (every one is called)
// and calls them through vm.$options, as callHook does: the same here.
const PAGE_HOOKS = ['onShow', 'onHide', 'onUnload']
for (const hook of PAGE_HOOKS) Vue.config.optionMergeStrategies[hook] = Vue.config.optionMergeStrategies.created
const callPageHook = (vm: any, hook: string) => (vm.$options[hook] || []).forEach((handler: () => void) => handler.call(vm))

const gateway = useGateway()
const requestsOf = (fn: string) => gateway.gw.requests.filter((request: any) => request.fn === fn)

beforeEach(() => {
  gateway.gw.clearRequests()
  // Installed once (Vue.use ignores a second install); each test's fresh `uni` gets the same client back.
  if (Vue.prototype.$functions) uni.$functions = Vue.prototype.$functions
  else Vue.use(FunctionsPlugin, { url: gateway.url, anonKey: gateway.anonKey })
})

function page(options: object) {
  return new Vue(
    Object.assign(
      {
        template: `<div><span id="loading">{{ greeting.loading ? 'loading' : 'idle' }}</span><span id="data">{{ greeting.data && greeting.data.message }}</span><span id="error">{{ greeting.error && greeting.error.code }}</span></div>`,
      },
      options,
    ),
  ).$mount(document.createElement('div'))
}
const text = (vm: any, id: string) => vm.$el.querySelector('#' + id).textContent

it('this.greeting: loading, then data, in the template; run() with overrides', async () => {
  const vm = page({ mixins: [invokeMixin('greeting', 'hello', { body: { name: 'Vue 2' } })] })
  expect(text(vm, 'loading')).toBe('loading')
  expect(await until(() => text(vm, 'data'))).toBe('Hello Vue 2!')
  await vm.$nextTick()
  expect(text(vm, 'loading')).toBe('idle')
  const answer = await vm.greeting.run({ body: { name: 'run' } })
  expect(answer.data).toEqual({ message: 'Hello run!' })
  await vm.$nextTick()
  expect(text(vm, 'data')).toBe('Hello run!')
  vm.$destroy()
})

it('options as a function of the component: a change of what it reads runs the call again', async () => {
  const vm = page({
    data: () => ({ who: 'first' }),
    mixins: [
      invokeMixin('greeting', 'hello', function (this: { who: string }) {
        return { body: { name: this.who } }
      }),
    ],
  })
  expect(await until(() => text(vm, 'data'))).toBe('Hello first!')
  vm.who = 'second'
  await until(() => (text(vm, 'data') === 'Hello second!' ? 'ok' : ''))
  vm.$destroy()
})

it('an error shows its code; $destroy and onUnload abort the running call at the gateway', async () => {
  const failing = page({ mixins: [invokeMixin('greeting', 'status/500')] })
  expect(await until(() => text(failing, 'error'))).toBe('HTTP_ERROR')
  failing.$destroy()

  const destroyed = page({ mixins: [invokeMixin('greeting', 'slow', { query: { ms: 5000 } })] })
  await until(() => (requestsOf('slow').length === 1 ? 'sent' : ''))
  destroyed.$destroy()
  await until(() => (requestsOf('slow')[0].aborted ? 'aborted' : ''))

  const unloaded = page({ mixins: [invokeMixin('greeting', 'slow', { query: { ms: 5000 } })] })
  await until(() => (requestsOf('slow').length === 2 ? 'sent' : ''))
  callPageHook(unloaded, 'onUnload')
  await until(() => (requestsOf('slow')[1].aborted ? 'aborted' : ''))
  unloaded.$destroy()
})

it('pauseOnHide: onHide aborts, onShow runs again; the page’s own onShow still runs', async () => {
  const own: string[] = []
  const vm = page({
    mixins: [invokeMixin('greeting', 'slow', { query: { ms: 300 }, pauseOnHide: true })],
    onShow: () => own.push('show'),
  })
  await until(() => (requestsOf('slow').length === 1 ? 'sent' : ''))
  callPageHook(vm, 'onHide')
  await until(() => (requestsOf('slow')[0].aborted ? 'aborted' : ''))
  callPageHook(vm, 'onShow')
  await until(() => (vm.greeting.data ? 'shown' : ''))
  expect(vm.greeting.data).toEqual({ waited: 300 })
  expect(requestsOf('slow')).toHaveLength(2)
  expect(own).toEqual(['show'])
  vm.$destroy()
})

it('stream: true gives events and text as they arrive', async () => {
  const vm = page({
    template: `<div><span id="count">{{ chat.events.length }}</span><span id="text">{{ chat.text }}</span></div>`,
    mixins: [invokeMixin('chat', 'sse', { query: { count: 3, interval: 100 }, stream: true, immediate: true })],
  })
  const counts: string[] = []
  await until(() => {
    const count = text(vm, 'count')
    if (counts[counts.length - 1] !== count) counts.push(count)
    return count === '4' && !vm.chat.loading ? 'done' : ''
  })
  expect(counts).toEqual(['0', '1', '2', '3', '4'])
  expect(vm.chat.text).toContain('第3条消息：你好')
  vm.$destroy()
})
