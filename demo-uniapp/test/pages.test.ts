import { mount } from '@vue/test-utils'
import { queue, retry } from 'mp-functions'
import { FunctionsPlugin } from 'mp-functions/uniapp'
import { STORAGE_KEY, until, useGateway } from './setup'

// The demo's real pages (Vue 3 SFCs) with the plugin installed as main.ts does.
const gateway = useGateway()
const install = () => ({
  global: {
    plugins: [
      [FunctionsPlugin, { url: gateway.url, anonKey: gateway.anonKey, storageKey: STORAGE_KEY, features: [retry(), queue()] }] as any,
    ],
  },
})

describe('pages/index (Options API)', () => {
  it('shows each flow’s result, and the gateway saw the right token each time', async () => {
    const Index = (await import('../src/pages/index/index.vue')).default
    const page = mount(Index, install())
    const run = async (button: string, result: string) => {
      await page.find('#' + button).trigger('tap')
      return until(() => page.find('#' + result).text())
    }
    expect(await run('run-options', 'options')).toBe('Hello Options API!')
    expect(await run('run-global', 'global')).toBe('Hello uni.$functions!')
    expect(await run('run-sign-in', 'signed-in')).toBe('authenticated demo@example.com')
    const session = JSON.parse((globalThis as any).uni.getStorageSync(STORAGE_KEY))
    const mirror = gateway.gw.requests.filter((r: any) => r.path == '/functions/v1/mirror').pop()
    expect(mirror.headers.authorization).toBe('Bearer ' + session.access_token)
    expect(await run('run-error', 'error')).toBe('FunctionsHttpError 418: 函数出错了: 418')
    expect(await run('run-binary', 'binary')).toBe('0,1,127,128,254,255')
    expect(await run('run-chinese', 'chinese')).toBe('Hello 世界! 你好，世界！🌏 mp-functions')
    expect(await run('run-stream', 'stream')).toBe('第1条消息：你好 | 第2条消息：你好 | 第3条消息：你好 | done')
    page.unmount()
  })
})

describe('pages/setup (<script setup>)', () => {
  it('calls through useFunctions()', async () => {
    const Setup = (await import('../src/pages/setup/setup.vue')).default
    const page = mount(Setup, install())
    await page.find('#run-setup').trigger('tap')
    expect(await until(() => page.find('#setup').text())).toBe('Hello useFunctions!')
    page.unmount()
  })
})
