// useInvoke / useInvokeStream from mp-functions/taro/react in a Taro React app run by
// @tarojs/test-utils-react (Taro's H5 runtime and router in jsdom), calling the repository's gateway
// over real HTTP. Pages are navigated with Taro's own router, so page hide, show and unload are Taro's.
import TestUtils from '@tarojs/test-utils-react'
import Taro from '@tarojs/taro'
import { join } from 'path'
import { miniProgramTransport } from 'mp-functions'
import { configureFunctions } from 'mp-functions/taro'
import { createTaroApp } from './taro4-app'

// eslint-disable-next-line @typescript-eslint/no-var-requires
const { startGateway } = require('../../gateway')
// eslint-disable-next-line @typescript-eslint/no-var-requires
const { createWx } = require('../../test/helpers/fake-wx')

declare const global: { MP_FUNCTIONS_TARO?: object; LIST_OPTIONS?: object }

let gw: any
const testUtils = new TestUtils()

beforeAll(async () => {
  gw = await startGateway()
  global.MP_FUNCTIONS_TARO = { url: gw.url, anonKey: gw.anonKey }
  global.LIST_OPTIONS = { pauseOnHide: true, refreshOnShow: true }
  // The test app beside this file, with Taro's router (testUtils.createApp() is Taro 3.6's: see taro4-app.ts).
  await createTaroApp(join(__dirname, 'invoke-app'))
})

afterAll(() => gw.close())

const text = (id: string) => {
  const found = document.querySelector('#' + id)
  return found ? found.textContent || '' : ''
}
// The calls themselves, not the browser's CORS preflights.
const requestsOf = (fn: string) => gw.requests.filter((request: any) => request.fn === fn && request.method !== 'OPTIONS')

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

async function tap(id: string) {
  const button = await testUtils.queries.waitForQuerySelector('#' + id)
  testUtils.act(() => testUtils.fireEvent.click(button))
}

it('runs on mount: loading, then the data, in the page', async () => {
  await testUtils.queries.waitForQuerySelector('#list-loading')
  const seen = await until(
    () => text('list-data') !== '',
    () => text('list-loading') + ' ' + text('list-data'),
  )
  expect(seen[0]).toBe('loading ')
  expect(seen[seen.length - 1]).toBe('idle {"waited":300}')
  expect(requestsOf('slow')).toHaveLength(1)
})

it('a newer run wins: the older call is aborted at the gateway and its answer never shows', async () => {
  gw.clearRequests()
  await tap('list-run-slow')
  await until(() => requestsOf('slow').length === 1)
  await tap('list-run-fast')
  const seen = await until(
    () => text('list-data') === '{"waited":20}' && requestsOf('slow')[0].aborted === true,
    () => text('list-data'),
  )
  await new Promise((resolve) => setTimeout(resolve, 700))
  expect(text('list-data')).toBe('{"waited":20}')
  expect(seen).not.toContain('{"waited":600}')
})

it('deps: a changed dependency runs the call again with the new options', async () => {
  gw.clearRequests()
  await tap('list-deps')
  await until(() => text('list-data') === '{"waited":50}')
  expect(requestsOf('slow').map((request: any) => request.query.ms)).toEqual(['50'])
})

it('cancel(): the request is aborted at the gateway, loading goes off, the data stays', async () => {
  gw.clearRequests()
  await tap('list-run-slow')
  await until(() => requestsOf('slow').length === 1 && text('list-loading') === 'loading')
  await tap('list-cancel')
  await until(() => text('list-loading') === 'idle')
  await until(() => requestsOf('slow')[0].aborted === true)
  expect(text('list-data')).toBe('{"waited":50}')
  expect(text('list-error')).toBe('')
})

it('page hidden (navigateTo): the running call is aborted; shown again (navigateBack): run again, data shown', async () => {
  gw.clearRequests()
  await tap('list-run-slow')
  await until(() => requestsOf('slow').length === 1)
  await Taro.navigateTo({ url: '/pages/other/index' })
  await testUtils.queries.waitForQuerySelector('#other')
  await until(() => requestsOf('slow')[0].aborted === true)
  expect(text('list-loading')).toBe('idle')
  await Taro.navigateBack()
  await until(() => requestsOf('slow').length === 2)
  await until(() => text('list-data') === '{"waited":600}')
  expect(requestsOf('slow')[1].aborted).toBe(false)
})

it('refreshOnShow: back on the page after a finished call, it is refreshed', async () => {
  gw.clearRequests()
  await Taro.navigateTo({ url: '/pages/other/index' })
  await until(() => text('other') !== '')
  await Taro.navigateBack()
  await until(() => requestsOf('slow').length === 1 && text('list-loading') === 'idle')
})

it('useInvokeStream: events and text show on the page as the gateway writes them; loading until the end', async () => {
  // Taro's H5 runtime in jsdom fetches through the whatwg-fetch polyfill (over jsdom's XMLHttpRequest),
  // which hands over a body only once it is complete. The weapp transport streams: wx.request (the
  // repository's, doing real HTTP with chunk events) under the same client, as configureFunctions allows.
  configureFunctions({ transport: miniProgramTransport(createWx().request) })
  await Taro.navigateTo({ url: '/pages/chat/index' })
  await testUtils.queries.waitForQuerySelector('#chat-send')
  expect(requestsOf('sse')).toHaveLength(0)
  await tap('chat-send')
  const seen = await until(
    () => text('chat-loading') === 'idle' && text('chat-events') === '5',
    () => text('chat-events') + ' ' + text('chat-text'),
  )
  // The page showed the answer growing, each state the answer so far and in order; at least three of the
  // five (a busy machine may render two events in one frame; they are 150 ms apart).
  const growing = [
    '1 第1条消息：你好',
    '2 第1条消息：你好第2条消息：你好',
    '3 第1条消息：你好第2条消息：你好第3条消息：你好',
    '4 第1条消息：你好第2条消息：你好第3条消息：你好第4条消息：你好',
    '5 第1条消息：你好第2条消息：你好第3条消息：你好第4条消息：你好',
  ]
  const steps = seen.slice(seen.indexOf('0 ') + 1)
  expect(steps[steps.length - 1]).toBe(growing[growing.length - 1])
  expect(steps.length).toBeGreaterThanOrEqual(3)
  expect(steps.map((step) => growing.indexOf(step))).toEqual(steps.map((step) => growing.indexOf(step)).sort())
  expect(steps.every((step) => growing.includes(step))).toBe(true)
  expect(text('chat-error')).toBe('')
})

it('leaving the page mid-stream (navigateBack unloads it) aborts the request at the gateway', async () => {
  gw.clearRequests()
  await tap('chat-feed')
  await until(() => Number(text('chat-events')) >= 2)
  expect(text('chat-loading')).toBe('loading')
  await Taro.navigateBack()
  await until(() => requestsOf('sse')[0].aborted === true)
})
