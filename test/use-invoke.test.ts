// The framework-free controller behind useInvoke / useInvokeStream (plugins/use-invoke), over the
// mini-program transport (a wx.request doing real HTTP) against the gateway: what the state goes
// through, and what the gateway sees when a call is cancelled, superseded, shared or cached. The
// framework adapters are tested with the real frameworks in the demos (demo-taro, demo-uniapp).
import { createFunctions, miniProgramTransport } from '../src'
import {
  clearInvokeCache,
  configureInvoke,
  type ControllerOptions,
  type ControllerState,
  createInvokeController,
} from '../plugins/use-invoke'
import type { PlatformFeedback } from '../plugins/use-invoke/feedback'
import { eventually, type Gateway } from './helpers/transport-suite'
// eslint-disable-next-line @typescript-eslint/no-var-requires
const { startGateway } = require('../gateway')
// eslint-disable-next-line @typescript-eslint/no-var-requires
const { createWx } = require('./helpers/fake-wx')

let gw: Gateway
let client: ReturnType<typeof createFunctions>
beforeAll(async () => {
  gw = await startGateway()
  client = createFunctions({ url: gw.url, anonKey: gw.anonKey, transport: miniProgramTransport(createWx().request) })
})
afterAll(() => gw.close())
beforeEach(() => {
  gw.clearRequests()
  clearInvokeCache()
  configureInvoke({})
})

/** What the controller asked the platform to show, in order. */
function recordingFeedback() {
  const shown: string[] = []
  const feedback: PlatformFeedback = {
    showLoading: (options) => shown.push('loading ' + options.title),
    hideLoading: () => shown.push('hide'),
    showToast: (options) => shown.push('toast ' + options.title),
  }
  return { shown, feedback }
}

/** A controller as an adapter makes one, with every state it went through. */
function controller(name: string, options?: ControllerOptions, stream = false, feedback?: PlatformFeedback) {
  const made = createInvokeController({ client: () => client, feedback, stream }, name, options)
  const states: ControllerState[] = []
  made.subscribe(() => states.push(made.state()))
  return Object.assign(made, { states })
}

const requestsOf = (fn: string) => gw.requests.filter((request: any) => request.fn === fn)

it('runs on mount: loading, then data; the state says nothing else in between', async () => {
  const hook = controller('hello', { body: { name: 'hook' } })
  hook.mount()
  expect(hook.state()).toMatchObject({ loading: true, data: null, error: null })
  await eventually(() => !hook.state().loading)
  expect(hook.state()).toMatchObject({ loading: false, data: { message: 'Hello hook!' }, error: null })
  expect(hook.states.map((state) => state.loading)).toEqual([true, false])
})

it('immediate: false runs only on run(); run() overrides the options and resolves with the answer; refresh() repeats it', async () => {
  const hook = controller('hello', { immediate: false, body: { name: 'a' } })
  hook.mount()
  await new Promise((resolve) => setTimeout(resolve, 50))
  expect(requestsOf('hello')).toHaveLength(0)
  const answer = await hook.run({ body: { name: 'b' } })
  expect(answer.data).toEqual({ message: 'Hello b!' })
  expect(hook.state().data).toEqual({ message: 'Hello b!' })
  await hook.refresh()
  expect(requestsOf('hello').map((request: any) => JSON.parse(request.body).name)).toEqual(['b', 'b'])
  // The hook's own options are never sent.
  expect(JSON.parse(requestsOf('hello')[0].body)).toEqual({ name: 'b' })
})

it('an error: error set, data kept, loading off; onError and the error toast once; a cancelled call shows neither', async () => {
  const onError = jest.fn()
  const { shown, feedback } = recordingFeedback()
  const hook = controller(
    'status',
    { query: { code: 418 }, immediate: false, onError, errorToast: true, loading: '请稍候' },
    false,
    feedback,
  )
  hook.mount()
  const answer = await hook.run()
  expect(answer.error && answer.error.code).toBe('HTTP_ERROR')
  expect(hook.state()).toMatchObject({ loading: false, data: null })
  expect(hook.state().error).toBe(answer.error)
  expect(onError).toHaveBeenCalledTimes(1)
  expect(shown).toEqual(['loading 请稍候', 'hide', 'toast ' + answer.error?.message])
  shown.length = 0
  const cancelled = hook.run({ query: { code: 500 } })
  hook.cancel()
  expect((await cancelled).error?.code).toBe('ABORTED')
  expect(onError).toHaveBeenCalledTimes(1)
  expect(shown).toEqual(['loading 请稍候', 'hide'])
})

it('cancel() aborts the request at the gateway and frees it; loading goes off at once', async () => {
  gw.resetInFlight()
  const hook = controller('slow', { query: { ms: 5000 }, immediate: false })
  const answer = hook.run()
  await eventually(() => gw.load.inFlight === 1)
  hook.cancel()
  expect(hook.state().loading).toBe(false)
  expect((await answer).error?.code).toBe('ABORTED')
  await eventually(() => requestsOf('slow')[0].aborted === true && gw.load.inFlight === 0)
  expect(hook.state()).toMatchObject({ data: null, error: null })
})

it('a newer run cancels the older one (its request aborted); the older answer never shows', async () => {
  const hook = controller('slow', { immediate: false })
  const older = hook.run({ query: { ms: 3000 } })
  await eventually(() => requestsOf('slow').length === 1)
  await hook.run({ query: { ms: 10 } })
  expect((await older).error?.code).toBe('ABORTED')
  expect(hook.state()).toMatchObject({ data: { waited: 10 }, error: null, loading: false })
  await eventually(() => requestsOf('slow')[0].aborted === true)
})

it('cancelPrevious: false lets the older call finish, and its late answer never overwrites the newer one', async () => {
  const hook = controller('slow', { immediate: false, cancelPrevious: false })
  const older = hook.run({ query: { ms: 400 } })
  await eventually(() => requestsOf('slow').length === 1)
  await hook.run({ query: { ms: 10 } })
  expect(hook.state().data).toEqual({ waited: 10 })
  // The older answer arrives after the newer one, complete (not aborted), and is dropped.
  expect((await older).data).toEqual({ waited: 400 })
  expect(requestsOf('slow')[0].aborted).toBe(false)
  expect(hook.state()).toMatchObject({ data: { waited: 10 }, loading: false })
  expect(hook.states.filter((state) => (state.data as { waited?: number } | null)?.waited === 400)).toEqual([])
})

it('cancelPrevious: false, then unmount: every call still running is aborted at the gateway', async () => {
  const hook = controller('slow', { immediate: false, cancelPrevious: false })
  hook.run({ query: { ms: 5000 } })
  hook.run({ query: { ms: 4000 } })
  await eventually(() => requestsOf('slow').length === 2)
  hook.unmount()
  await eventually(() => requestsOf('slow').every((request: any) => request.aborted === true))
})

it('unmount cancels the running call (aborted at the gateway) and nothing shows afterwards', async () => {
  const hook = controller('slow', { query: { ms: 5000 } })
  hook.mount()
  await eventually(() => requestsOf('slow').length === 1)
  hook.unmount()
  await eventually(() => requestsOf('slow')[0].aborted === true)
  const seen = hook.states.length
  await new Promise((resolve) => setTimeout(resolve, 50))
  expect(hook.states.length).toBe(seen)
  expect(hook.state().loading).toBe(false)
})

it('pauseOnHide: page hidden aborts the running call; shown again, it runs again and shows its data', async () => {
  const hook = controller('slow', { query: { ms: 300 }, pauseOnHide: true })
  hook.mount()
  await eventually(() => requestsOf('slow').length === 1)
  hook.pageHidden()
  expect(hook.state().loading).toBe(false)
  await eventually(() => requestsOf('slow')[0].aborted === true)
  hook.pageShown()
  expect(hook.state().loading).toBe(true)
  await eventually(() => hook.state().data !== null)
  expect(hook.state().data).toEqual({ waited: 300 })
  expect(requestsOf('slow')).toHaveLength(2)
})

it('refreshOnShow: the first show does nothing, a show after a hide refreshes', async () => {
  const hook = controller('hello', { refreshOnShow: true })
  hook.mount()
  hook.pageShown()
  await eventually(() => !hook.state().loading)
  expect(requestsOf('hello')).toHaveLength(1)
  hook.pageHidden()
  hook.pageShown()
  await eventually(() => !hook.state().loading && requestsOf('hello').length === 2)
  // Without the option, showing again sends nothing.
  const plain = controller('hello')
  plain.mount()
  await eventually(() => !plain.state().loading)
  plain.pageHidden()
  plain.pageShown()
  await new Promise((resolve) => setTimeout(resolve, 50))
  expect(requestsOf('hello')).toHaveLength(3)
})

it('dedupe: identical calls at once share one request; it is aborted only when the last one leaves', async () => {
  const first = controller('slow', { query: { ms: 200 }, dedupe: true })
  const second = controller('slow', { query: { ms: 200 }, dedupe: true })
  first.mount()
  second.mount()
  await eventually(() => first.state().data !== null && second.state().data !== null)
  expect(requestsOf('slow')).toHaveLength(1)
  expect(second.state().data).toEqual({ waited: 200 })

  gw.clearRequests()
  const staying = controller('slow', { query: { ms: 300 }, dedupe: true, immediate: false })
  const leaving = controller('slow', { query: { ms: 300 }, dedupe: true, immediate: false })
  const kept = staying.run()
  const left = leaving.run()
  leaving.cancel()
  expect((await left).error?.code).toBe('ABORTED')
  expect((await kept).data).toEqual({ waited: 300 })
  expect(requestsOf('slow')).toHaveLength(1)
  expect(requestsOf('slow')[0].aborted).toBe(false)

  gw.clearRequests()
  const both = [controller('slow', { query: { ms: 5000 }, dedupe: true }), controller('slow', { query: { ms: 5000 }, dedupe: true })]
  for (const hook of both) hook.mount()
  await eventually(() => requestsOf('slow').length === 1)
  for (const hook of both) hook.unmount()
  await eventually(() => requestsOf('slow')[0].aborted === true)
  // Different options are different calls.
  gw.clearRequests()
  const other = [controller('hello', { body: { name: 'a' }, dedupe: true }), controller('hello', { body: { name: 'b' }, dedupe: true })]
  for (const hook of other) hook.mount()
  await eventually(() => other.every((hook) => hook.state().data !== null))
  expect(requestsOf('hello')).toHaveLength(2)
})

it('cache: a later hook shows the cached data from its first state, and refreshes behind it without the loading indicator', async () => {
  const { shown, feedback } = recordingFeedback()
  const list = controller('hello', { body: { name: 'list' }, cache: true, loading: true }, false, feedback)
  list.mount()
  await eventually(() => !list.state().loading)
  expect(shown).toEqual(['loading 加载中', 'hide'])
  list.unmount()

  shown.length = 0
  const back = controller('hello', { body: { name: 'list' }, cache: true, loading: true }, false, feedback)
  expect(back.state().data).toEqual({ message: 'Hello list!' })
  back.mount()
  expect(back.state()).toMatchObject({ loading: true, data: { message: 'Hello list!' } })
  await eventually(() => !back.state().loading)
  expect(requestsOf('hello')).toHaveLength(2)
  expect(shown).toEqual([])
})

it('cache staleTime: younger than it, no request on mount; older, refreshed; a key shares the cache across options', async () => {
  const first = controller('hello', { body: { name: 'fresh' }, cache: { staleTime: 300, key: 'greeting' } })
  first.mount()
  await eventually(() => !first.state().loading)
  const fresh = controller('hello', { body: { name: 'other' }, cache: { staleTime: 300, key: 'greeting' } })
  fresh.mount()
  expect(fresh.state()).toMatchObject({ loading: false, data: { message: 'Hello fresh!' } })
  expect(requestsOf('hello')).toHaveLength(1)
  await new Promise((resolve) => setTimeout(resolve, 350))
  const stale = controller('hello', { body: { name: 'other' }, cache: { staleTime: 300, key: 'greeting' } })
  stale.mount()
  expect(stale.state()).toMatchObject({ loading: true, data: { message: 'Hello fresh!' } })
  await eventually(() => !stale.state().loading)
  expect(stale.state().data).toEqual({ message: 'Hello other!' })
  expect(requestsOf('hello')).toHaveLength(2)
})

it('the loading indicator is shown once for calls at once, hidden by the last; configureInvoke sets it app-wide', async () => {
  const { shown, feedback } = recordingFeedback()
  configureInvoke({ loading: true })
  const quick = controller('slow', { query: { ms: 20 } }, false, feedback)
  const long = controller('slow', { query: { ms: 200 } }, false, feedback)
  quick.mount()
  long.mount()
  await eventually(() => !quick.state().loading)
  expect(shown).toEqual(['loading 加载中'])
  await eventually(() => !long.state().loading)
  expect(shown).toEqual(['loading 加载中', 'hide'])
})

it('stream: events and text grow as the gateway writes them; loading until the end', async () => {
  const chat = controller('sse', { query: { count: 3, interval: 150 } }, true)
  chat.mount()
  expect(requestsOf('sse')).toHaveLength(0)
  const run = chat.run()
  const counts: Array<[number, number]> = []
  chat.subscribe(() => counts.push([chat.state().events.length, Date.now()]))
  await run
  await eventually(() => !chat.state().loading)
  const state = chat.state()
  expect(state.events.map((event) => event.event)).toEqual(['message', 'message', 'message', 'done'])
  expect(state.text).toBe(state.events.map((event) => event.data).join(''))
  expect(state.error).toBeNull()
  // One by one, well apart: the first event was shown long before the last arrived.
  const firstSeen = counts.find(([count]) => count === 1)
  const thirdSeen = counts.find(([count]) => count === 3)
  expect(firstSeen && thirdSeen && thirdSeen[1] - firstSeen[1]).toBeGreaterThan(200)
})

it('stream: pick builds the text; cancel mid-stream aborts the request at the gateway and keeps what arrived', async () => {
  const chat = controller(
    'feed',
    { query: { interval: 30 }, pick: (event) => (event.data === '[DONE]' ? '' : JSON.parse(event.data).index + ',') },
    true,
  )
  chat.run()
  await eventually(() => chat.state().events.length >= 3)
  chat.cancel()
  const kept = chat.state().events.length
  expect(chat.state().loading).toBe(false)
  expect(chat.state().text.startsWith('1,2,3,')).toBe(true)
  await eventually(() => requestsOf('feed')[0].aborted === true)
  await new Promise((resolve) => setTimeout(resolve, 100))
  expect(chat.state().events.length).toBe(kept)
  expect(chat.state().error).toBeNull()
})

it('stream: a plain-text stream grows text; a stream that breaks ends with its error', async () => {
  const broken = controller('sse', { query: { count: 5, interval: 10, drop: 2 } }, true)
  await broken.run()
  await eventually(() => !broken.state().loading)
  expect(broken.state().events).toHaveLength(2)
  expect(broken.state().error?.code).toBe('NETWORK_ERROR')
  const plain = controller('text', { query: { type: 'text/plain' } }, true)
  await plain.run()
  await eventually(() => !plain.state().loading)
  expect(plain.state().text).toBe('你好，世界！🌏 mp-functions')
})

it('bad input is a typed error, never a throw: no name, a body that cannot be keyed, a throwing onSuccess', async () => {
  const nameless = controller('', { dedupe: true, cache: true })
  nameless.mount()
  await eventually(() => !nameless.state().loading)
  expect(nameless.state().error?.code).toBe('INVALID_REQUEST')
  const cyclic: Record<string, unknown> = {}
  cyclic.self = cyclic
  const unkeyed = controller('hello', { body: cyclic, dedupe: true, cache: true })
  unkeyed.mount()
  await eventually(() => !unkeyed.state().loading)
  expect(unkeyed.state().error?.code).toBe('INVALID_REQUEST')
  // A pick that throws ends the stream with a HOOK_ERROR, and the request is aborted.
  const picky = controller(
    'feed',
    {
      query: { interval: 20 },
      pick() {
        throw new Error('bad pick')
      },
    },
    true,
  )
  await picky.run()
  await eventually(() => !picky.state().loading)
  expect(picky.state().error?.code).toBe('HOOK_ERROR')
  expect(picky.state().error?.message).toContain('bad pick')
  await eventually(() => requestsOf('feed').length === 1 && requestsOf('feed')[0].aborted === true)
  // What the app's callback throws is thrown again in a later turn (to App.onError): caught here from the timer.
  const thrown: unknown[] = []
  const realSetTimeout = global.setTimeout
  global.setTimeout = ((callback: () => void, ms?: number) =>
    realSetTimeout(() => {
      try {
        callback()
      } catch (error) {
        thrown.push(error)
      }
    }, ms)) as any
  try {
    const throwing = controller('hello', {
      immediate: false,
      onSuccess() {
        throw new Error('app bug')
      },
    })
    const answer = await throwing.run()
    expect(answer.data).toEqual({ message: 'Hello world!' })
    expect(throwing.state().data).toEqual({ message: 'Hello world!' })
    await eventually(() => thrown.length === 1)
    expect((thrown[0] as Error).message).toBe('app bug')
  } finally {
    global.setTimeout = realSetTimeout
  }
})
