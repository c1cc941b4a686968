import { mount } from '@vue/test-utils'
import { FunctionsPlugin, useFunctions } from 'mp-functions/uniapp'
import { createApp, defineComponent, h } from 'vue'
import { until, useGateway } from './setup'

// The plugin in a Vue 3 app, as app.use() installs it.
const gateway = useGateway()

it('app.use: $functions in templates, this.$functions and uni.$functions are one client', async () => {
  const Probe = defineComponent({
    data: () => ({ message: '' }),
    template: `<div><span id="same">{{ $functions === self }}</span><span id="message">{{ message }}</span></div>`,
    computed: {
      self(): unknown {
        return this.$functions
      },
    },
    async mounted() {
      const { data } = await this.$functions.invoke('hello', { body: { name: 'template' } })
      this.message = data.message
    },
  })
  const wrapper = mount(Probe, { global: { plugins: [[FunctionsPlugin, { url: gateway.url, anonKey: gateway.anonKey }] as any] } })
  expect(await until(() => wrapper.find('#message').text())).toBe('Hello template!')
  expect(wrapper.find('#same').text()).toBe('true')
  expect((wrapper.vm as any).$functions).toBe(uni.$functions)
  expect(useFunctions()).toBe(uni.$functions)
})

it('without url, the app still starts; the mistake is logged once and every call reports it', async () => {
  const logged = jest.spyOn(console, 'error').mockImplementation(() => {})
  const app = createApp({ render: () => h('div') })
  expect(() => app.use(FunctionsPlugin, { anonKey: gateway.anonKey } as any)).not.toThrow()
  app.mount(document.createElement('div'))
  expect(logged).toHaveBeenCalledTimes(1)
  expect(logged.mock.calls[0][0]).toBe(
    "[mp-functions] FunctionsPlugin: url is missing: { url: 'https://<project>.supabase.co', anonKey: '<anon key>' }",
  )
  const { data, error } = await app.config.globalProperties.$functions.invoke('hello')
  expect(data).toBeNull()
  expect(error).toMatchObject({ name: 'FunctionsRequestError', code: 'INVALID_REQUEST' })
  expect(error!.message).toMatch(/url is missing: \{ url: 'https:\/\/<project>\.supabase\.co'/)
  // Nothing was sent anywhere.
  expect((uni as any).__requests).toEqual([])
  logged.mockRestore()
})

it('useFunctions() before app.use: a client whose every call says what to do, nothing sent', async () => {
  const early = useFunctions()
  const { data, error } = await early.invoke('hello')
  expect(data).toBeNull()
  expect(error).toMatchObject({ name: 'FunctionsRequestError', code: 'INVALID_REQUEST' })
  expect(error!.message).toBe('useFunctions(): install FunctionsPlugin in main.ts first: app.use(FunctionsPlugin, { url, anonKey })')
  expect((uni as any).__requests).toEqual([])
})

it('uses the session the auth client stored under the supabase-js key, and refreshes it there', async () => {
  const session = gateway.gw.createSession({ expiresIn: -5 })
  uni.setStorageSync('sb-127-auth-token', JSON.stringify(session))
  const app = createApp({ render: () => h('div') }).use(FunctionsPlugin, { url: gateway.url, anonKey: gateway.anonKey })
  const { data } = await app.config.globalProperties.$functions.invoke('mirror')
  const stored = JSON.parse(uni.getStorageSync('sb-127-auth-token') as string)
  expect(stored.access_token).not.toBe(session.access_token)
  expect(data.headers.authorization).toBe('Bearer ' + stored.access_token)
})
