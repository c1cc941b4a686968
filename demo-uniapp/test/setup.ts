// What every component test needs: the repository's gateway (real HTTP on 127.0.0.1) and, as
// `uni`, a fake wx whose request does real HTTP and whose storage is real key/value state: on
// mp-weixin uni.request and uni.getStorageSync are wx's.
// eslint-disable-next-line @typescript-eslint/no-var-requires
const { startGateway } = require('../../gateway')
// eslint-disable-next-line @typescript-eslint/no-var-requires
const { createWx } = require('../../test/helpers/fake-wx')

export const STORAGE_KEY = 'sb-127-auth-token'

export function useGateway() {
  const state: { gw: any; url: string; anonKey: string } = {} as any
  beforeAll(async () => {
    state.gw = await startGateway({ port: 0 })
    state.url = state.gw.url
    state.anonKey = state.gw.anonKey
    // vite.config.ts defines these for the real builds.
    Object.assign(globalThis, { __FUNCTIONS_URL__: state.url, __FUNCTIONS_ANON_KEY__: state.anonKey, __FUNCTIONS_CLOUD_RELAY__: false })
  })
  beforeEach(() => {
    ;(globalThis as any).uni = createWx()
  })
  afterAll(() => state.gw.close())
  return state
}

/** Resolves with `read()` once it gives a non-empty string (the page updates after a round trip). */
export async function until(read: () => string, timeout = 10000): Promise<string> {
  const start = Date.now()
  for (;;) {
    const value = read()
    if (value) return value
    if (Date.now() - start > timeout) throw new Error('nothing shown within ' + timeout + ' ms')
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
}
