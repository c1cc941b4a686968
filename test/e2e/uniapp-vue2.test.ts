// fixtures/uniapp-vue2: a uni-app Vue 2 app (@dcloudio/vue-cli-plugin-uni 2.0.2-5000720260410001, @vue/cli-service 4.5.19,
// webpack 4, Vue 2.6.14) with mp-functions from the packed tarball (scripts/prepare-demos.js), registered with
// `Vue.use(FunctionsPlugin, …)` as plugins/uniapp/README.md says. Built for mp-weixin (run under Node with the fake wx)
// and H5 (run in Chromium), against the repo's gateway.
import { execFile } from 'child_process'
import { mkdtempSync, rmSync } from 'fs'
import { tmpdir } from 'os'
import { join } from 'path'
import { type Press, withH5Page } from '../helpers/h5-calls'
// eslint-disable-next-line @typescript-eslint/no-var-requires
const { startGateway } = require('../../gateway')
// eslint-disable-next-line @typescript-eslint/no-var-requires
const { createWx } = require('../helpers/fake-wx')
// eslint-disable-next-line @typescript-eslint/no-var-requires
const { loadMiniProgram } = require('../helpers/mini-program-app')

jest.setTimeout(180000)

const project = join(__dirname, '..', '..', 'fixtures', 'uniapp-vue2')

/** `vue-cli-service uni-build` for a platform, as the fixture's build scripts run it; resolves with the output directory. */
function build(platform: string, outDir: string, gateway: { url: string; anonKey: string }) {
  const env = Object.assign({}, process.env, {
    NODE_ENV: 'production',
    UNI_PLATFORM: platform,
    UNI_OUTPUT_DIR: outDir,
    // vue-cli hands only VUE_APP_* variables to the app's code.
    VUE_APP_FUNCTIONS_URL: gateway.url,
    VUE_APP_FUNCTIONS_ANON_KEY: gateway.anonKey,
  })
  const cli = join(project, 'node_modules', '@vue', 'cli-service', 'bin', 'vue-cli-service.js')
  return new Promise<string>((resolve, reject) => {
    execFile(process.execPath, [cli, 'uni-build'], { cwd: project, env, maxBuffer: 16 << 20 }, (error, stdout, stderr) => {
      if (error || !/DONE\s+Build complete/.test(stdout)) reject(new Error(`uni-build for ${platform} failed:\n${stdout}\n${stderr}`))
      else resolve(outDir)
    })
  })
}

let gw: any
let out: string
beforeAll(async () => {
  gw = await startGateway()
  out = mkdtempSync(join(tmpdir(), 'uniapp-vue2-'))
})
afterAll(async () => {
  if (gw) await gw.close()
  if (out) rmSync(out, { recursive: true, force: true })
})

const last = (fn: string) => gw.requests.filter((request: any) => request.fn === fn && request.method !== 'OPTIONS').pop()

/** The page's calls, as it shows them. */
async function runCalls(press: Press) {
  expect(await press('run-options', 'options')).toBe('Hello Vue 2!')
  expect(last('hello').headers.apikey).toBe(gw.anonKey)
  expect(last('hello').headers.authorization).toBe(`Bearer ${gw.anonKey}`)
  expect(await press('run-global', 'global')).toBe('中文往返🌏')
  expect(await press('run-binary', 'binary')).toBe('0,1,128,255')
  expect(Array.from(last('binary').body)).toEqual([0, 1, 128, 255])
  expect(await press('run-error', 'error')).toBe('FunctionsHttpError 418')
}

it('mp-weixin, run under Node: this.$functions and uni.$functions, text, binary, an HTTP error', async () => {
  const dir = await build('mp-weixin', join(out, 'mp-weixin'), gw)
  const wx = createWx()
  const page = loadMiniProgram(dir, { wx }).openPage('pages/index/index')
  await runCalls(async (button, output) => {
    page.tap(button)
    return page.waitForText(output)
  })
  const sent = wx.__requests.filter((request: any) => request.url.includes('/functions/v1/'))
  expect(sent.length).toBe(4)
  expect(sent.every((request: any) => request.responseType == 'arraybuffer')).toBe(true)
})

it('H5, in Chromium: the same calls', async () => {
  await withH5Page(await build('h5', join(out, 'h5'), gw), runCalls)
})
