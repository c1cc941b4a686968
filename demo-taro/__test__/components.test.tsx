import TestUtils from '@tarojs/test-utils-react'
import ClassHello from '../src/components/ClassHello'
import HookHello from '../src/components/HookHello'

// eslint-disable-next-line @typescript-eslint/no-var-requires
const { startGateway } = require('../../gateway')

declare const global: { MP_FUNCTIONS_TARO?: object }

let gw: any

beforeAll(async () => {
  gw = await startGateway()
  // What the CLI plugin builds in from config/index.ts; read when the client is first used.
  global.MP_FUNCTIONS_TARO = { url: gw.url, anonKey: gw.anonKey }
})

afterAll(() => gw.close())

async function pressAndRead(testUtils: TestUtils, name: string) {
  const button = await testUtils.queries.waitForQuerySelector(`#btn-${name}`)
  testUtils.act(() => testUtils.fireEvent.click(button))
  const out = await testUtils.queries.waitForQuerySelector(`#out-${name}`)
  for (let i = 0; i < 300 && !out.textContent; i++) await new Promise((resolve) => setTimeout(resolve, 20))
  return out.textContent
}

it('a class component calls through this.$functions', async () => {
  const testUtils = new TestUtils()
  await testUtils.mount(ClassHello)
  expect(await pressAndRead(testUtils, 'class')).toBe('Hello 类组件!')
  const request = gw.requests.filter((entry: any) => entry.fn === 'hello' && entry.method === 'POST').pop()
  expect(request.headers.apikey).toBe(gw.anonKey)
  expect(request.headers.authorization).toBe(`Bearer ${gw.anonKey}`)
})

it('a function component calls through useFunctions()', async () => {
  const testUtils = new TestUtils()
  await testUtils.mount(HookHello)
  expect(await pressAndRead(testUtils, 'hook')).toBe('Hello Hook!')
})
