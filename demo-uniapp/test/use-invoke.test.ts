import { invokeArrayFns } from '@dcloudio/uni-shared'
import { mount } from '@vue/test-utils'
import { clearInvokeCache, FunctionsPlugin } from 'mp-functions/uniapp'
import { useInvoke, useInvokeStream } from 'mp-functions/uniapp/vue'
import { defineComponent, h, ref } from 'vue'
import { useGateway } from './setup'

// useInvoke / useInvokeStream from mp-functions/uniapp/vue in Vue 3 components (@vue/test-utils),
// with the plugin installed as main.ts does and `uni` a wx whose request does real HTTP to the gateway.
// `vue` is uni-app's own Vue (@dcloudio/uni-h5-vue, what an H5 build aliases `vue` to): stock Vue does
// not export the injectHook that @dcloudio/uni-app's onShow/onHide/onUnload register with. The tests
// call those page hooks as uni-app's runtime does: uni-shared's invokeArrayFns over `vm.$[name]`
// (uni-h5's invokeHook).
jest.mock('vue', () => jest.requireActual('@dcloudio/uni-h5-vue'))
// A build-time constant of uni-app's H5 build (vite-plugin-uni defines it), read by its Vue when rendering.
Object.assign(globalThis, { __UNI_FEATURE_WXS__: false })
const gateway = useGateway()
const install = () => ({ global: { plugins: [[FunctionsPlugin, { url: gateway.url, anonKey: gateway.anonKey }] as any] } })
const requestsOf = (fn: string) => gateway.gw.requests.filter((request: any) => request.fn === fn)
const pageHook = (wrapper: { vm: any }, name: 'onShow' | 'onHide' | 'onUnload') => invokeArrayFns(wrapper.vm.$[name] || [])

beforeEach(() => {
  gateway.gw.clearRequests()
  clearInvokeCache()
})

/** Waits until `check()` holds, recording each distinct value of `watch()` meanwhile. */
async function until(check: () => boolean, watch?: () => string, ms = 5000) {
  const seen: string[] = []
  const end = Date.now() + ms
  for (;;) {
    const value = watch && watch()
    if (value !== undefined && seen[seen.length - 1] !== value) seen.push(value)
    if (check()) return seen
    if (Date.now() > end) throw new Error('condition not met in time; seen: ' + JSON.stringify(seen))
    await new Promise((resolve) => setTimeout(resolve, 5))
  }
}

/** A component showing one useInvoke; `options` as the composable takes them. */
function listOf(options: any) {
  return defineComponent({
    setup() {
      const { data, error, loading, run, cancel } = useInvoke('slow', options)
      return () =>
        h('div', [
          h('span', { id: 'loading' }, loading.value ? 'loading' : 'idle'),
          h('span', { id: 'data' }, data.value ? JSON.stringify(data.value) : ''),
          h('span', { id: 'error' }, error.value ? error.value.code : ''),
          h('button', { id: 'fast', onClick: () => run({ query: { ms: 20 } }) }),
          h('button', { id: 'slow', onClick: () => run({ query: { ms: 600 } }) }),
          h('button', { id: 'cancel', onClick: () => cancel() }),
        ])
    },
  })
}

it('runs in setup: loading, then the data; the loading indicator and the error toast are uni’s', async () => {
  const page = mount(listOf({ query: { ms: 100 }, loading: true }), install())
  const text = (id: string) => page.find('#' + id).text()
  const seen = await until(
    () => text('data') !== '',
    () => text('loading') + ' ' + text('data'),
  )
  expect(seen[0]).toBe('loading ')
  expect(seen[seen.length - 1]).toBe('idle {"waited":100}')
  // What uni (wx on mp-weixin) was asked to show, in order.
  const shown = () => (globalThis as any).uni.__ui.map((entry: any) => entry.api + (entry.options.title ? ' ' + entry.options.title : ''))
  expect(shown()).toEqual(['showLoading 加载中', 'hideLoading'])
  page.unmount()

  const failing = mount(
    defineComponent({
      setup() {
        const { error } = useInvoke('status/418', { errorToast: true })
        return () => h('span', { id: 'error' }, error.value ? error.value.code : '')
      },
    }),
    install(),
  )
  await until(() => failing.find('#error').text() === 'HTTP_ERROR')
  expect(shown().slice(2)).toEqual(['showToast Edge Function returned a non-2xx status code'])
  failing.unmount()
})

it('a newer run wins: the older call is aborted at the gateway, its answer never shows', async () => {
  const page = mount(listOf({ immediate: false }), install())
  const text = (id: string) => page.find('#' + id).text()
  await page.find('#slow').trigger('click')
  await until(() => requestsOf('slow').length === 1)
  await page.find('#fast').trigger('click')
  const seen = await until(
    () => text('data') === '{"waited":20}' && requestsOf('slow')[0].aborted === true,
    () => text('data'),
  )
  await new Promise((resolve) => setTimeout(resolve, 700))
  expect(text('data')).toBe('{"waited":20}')
  expect(seen).not.toContain('{"waited":600}')
  page.unmount()
})

it('cancel() aborts at the gateway; unmount aborts at the gateway', async () => {
  const page = mount(listOf({ query: { ms: 5000 } }), install())
  await until(() => requestsOf('slow').length === 1)
  await page.find('#cancel').trigger('click')
  expect(page.find('#loading').text()).toBe('idle')
  await until(() => requestsOf('slow')[0].aborted === true)
  await page.find('#slow').trigger('click')
  await until(() => requestsOf('slow').length === 2)
  page.unmount()
  await until(() => requestsOf('slow')[1].aborted === true)
})

it('onHide with pauseOnHide aborts; onShow runs again; onUnload aborts (uni-app’s page lifecycle)', async () => {
  const page = mount(listOf({ query: { ms: 300 }, pauseOnHide: true, refreshOnShow: true }), install())
  const text = (id: string) => page.find('#' + id).text()
  await until(() => requestsOf('slow').length === 1)
  pageHook(page, 'onHide')
  await until(() => requestsOf('slow')[0].aborted === true)
  pageHook(page, 'onShow')
  await until(() => text('data') === '{"waited":300}')
  expect(requestsOf('slow')).toHaveLength(2)
  // refreshOnShow after a finished call.
  pageHook(page, 'onHide')
  pageHook(page, 'onShow')
  await until(() => requestsOf('slow').length === 3)
  pageHook(page, 'onUnload')
  await until(() => requestsOf('slow')[2].aborted === true)
  page.unmount()
})

it('deps (refs) and an options getter run the call again with the new options', async () => {
  const ms = ref(10)
  const name = ref('a')
  const page = mount(
    defineComponent({
      setup() {
        const slow = useInvoke('slow', () => ({ query: { ms: ms.value } }))
        const hello = useInvoke('hello', { body: { name: 'fixed' }, deps: [name] })
        return () => h('span', { id: 'out' }, JSON.stringify([slow.data.value, hello.data.value]))
      },
    }),
    install(),
  )
  await until(() => page.find('#out').text() === '[{"waited":10},{"message":"Hello fixed!"}]')
  ms.value = 30
  name.value = 'b'
  await until(() => page.find('#out').text() === '[{"waited":30},{"message":"Hello fixed!"}]' && requestsOf('hello').length === 2)
  page.unmount()
})

it('dedupe: two components with the same call share one request', async () => {
  const both = defineComponent({
    setup() {
      const first = useInvoke('slow', { query: { ms: 100 }, dedupe: true })
      const second = useInvoke('slow', { query: { ms: 100 }, dedupe: true })
      return () => h('span', { id: 'out' }, JSON.stringify([first.data.value, second.data.value]))
    },
  })
  const page = mount(both, install())
  await until(() => page.find('#out').text() === '[{"waited":100},{"waited":100}]')
  expect(requestsOf('slow')).toHaveLength(1)
  page.unmount()
})

it('cache: mounted again, the list shows its cached data at once and refreshes behind it', async () => {
  const list = listOf({ query: { ms: 50 }, cache: { staleTime: 0 } })
  const first = mount(list, install())
  await until(() => first.find('#data').text() === '{"waited":50}')
  first.unmount()
  const again = mount(list, install())
  expect(again.find('#data').text()).toBe('{"waited":50}')
  expect(again.find('#loading').text()).toBe('loading')
  await until(() => again.find('#loading').text() === 'idle')
  expect(requestsOf('slow')).toHaveLength(2)
  again.unmount()
  const fresh = mount(listOf({ query: { ms: 50 }, cache: { staleTime: 60000 } }), install())
  expect(fresh.find('#data').text()).toBe('{"waited":50}')
  expect(fresh.find('#loading').text()).toBe('idle')
  await new Promise((resolve) => setTimeout(resolve, 100))
  expect(requestsOf('slow')).toHaveLength(2)
  fresh.unmount()
})

it('useInvokeStream: events and text arrive one by one; onUnload mid-stream aborts at the gateway', async () => {
  const chat = mount(
    defineComponent({
      setup() {
        const { events, text, loading, run } = useInvokeStream('sse', {
          query: { count: 3, interval: 150 },
          pick: (event) => (event.data === '[DONE]' ? '' : JSON.parse(event.data).index + ';'),
        })
        return () =>
          h('div', [
            h('span', { id: 'out' }, events.value.length + ' ' + text.value),
            h('span', { id: 'loading' }, loading.value ? 'loading' : 'idle'),
            h('button', { id: 'send', onClick: () => run() }),
            h('button', { id: 'feed', onClick: () => run({ query: { forever: 1, interval: 20 } as any }) }),
          ])
      },
    }),
    install(),
  )
  expect(requestsOf('sse')).toHaveLength(0)
  await chat.find('#send').trigger('click')
  const seen = await until(
    () => chat.find('#loading').text() === 'idle' && chat.find('#out').text() === '4 1;2;3;',
    () => chat.find('#out').text(),
  )
  // The answer growing, in order (test-utils' text() trims: the empty state reads '0'); at least three of
  // the four states (a busy machine may render two events in one frame; they are 150 ms apart).
  const growing = ['1 1;', '2 1;2;', '3 1;2;3;', '4 1;2;3;']
  const steps = seen.slice(seen.indexOf('0') + 1)
  expect(steps[steps.length - 1]).toBe('4 1;2;3;')
  expect(steps.length).toBeGreaterThanOrEqual(3)
  expect(steps.every((step) => growing.includes(step))).toBe(true)
  expect(steps.map((step) => growing.indexOf(step))).toEqual(steps.map((step) => growing.indexOf(step)).sort())
  await chat.find('#feed').trigger('click')
  await until(() => Number(chat.find('#out').text().split(' ')[0]) >= 2)
  pageHook(chat, 'onUnload')
  await until(() => requestsOf('sse')[1].aborted === true)
  expect(chat.find('#loading').text()).toBe('idle')
  chat.unmount()
})
