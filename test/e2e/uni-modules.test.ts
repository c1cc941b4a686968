// The uni_modules package `npm run build` writes (uni_modules/mp-functions, DCloud's format), used as an HBuilderX
// user does: the folder copied into a uni-app project's uni_modules/, imported as @/uni_modules/mp-functions/js_sdk/….
// The project (fixtures/uni-modules-app) is copied to a temporary folder whose node_modules are demo-uniapp's
// without mp-functions, so nothing can come from npm; it is built for mp-weixin (run under Node with the fake wx)
// and H5 (run in Chromium), against the repo's gateway, and type-checked with vue-tsc.
import { execFile } from 'child_process'
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'fs'
import { tmpdir } from 'os'
import { join } from 'path'
import { withH5Page } from '../helpers/h5-calls'
// eslint-disable-next-line @typescript-eslint/no-var-requires
const { startGateway } = require('../../gateway')
// eslint-disable-next-line @typescript-eslint/no-var-requires
const { createWx } = require('../helpers/fake-wx')
// eslint-disable-next-line @typescript-eslint/no-var-requires
const { loadMiniProgram } = require('../helpers/mini-program-app')
// eslint-disable-next-line @typescript-eslint/no-var-requires
const { build } = require('../../scripts/demo-uniapp')

jest.setTimeout(180000)

const root = join(__dirname, '..', '..')
const uniModule = join(root, 'uni_modules', 'mp-functions')
const demoModules = join(root, 'demo-uniapp', 'node_modules')
const rootPackage = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'))

describe('the package', () => {
  const manifest = JSON.parse(readFileSync(join(uniModule, 'package.json'), 'utf8'))

  it('is a uni_modules package: id, version, dcloudext and uni_modules fields, readme and changelog', () => {
    expect(manifest.id).toBe('mp-functions')
    expect(manifest.version).toBe(rootPackage.version)
    expect(manifest.dcloudext.type).toBe('sdk-js')
    expect(manifest.uni_modules.dependencies).toEqual([])
    expect(manifest.uni_modules.platforms.client.Vue.vue3).toBe('y')
    expect(manifest.uni_modules.platforms.client.小程序.微信).toBe('y')
    expect(readdirSync(uniModule).sort()).toEqual(['changelog.md', 'js_sdk', 'package.json', 'readme.md'])
  })

  it('js_sdk/ holds plain .js with declarations, and imports nothing but its own files', () => {
    const files = readdirSync(join(uniModule, 'js_sdk'))
    expect(files).toEqual(expect.arrayContaining(['index.js', 'index.d.ts', 'uniapp.js', 'uniapp.d.ts']))
    for (const file of files) {
      const code = readFileSync(join(uniModule, 'js_sdk', file), 'utf8')
      const imported = Array.from(code.matchAll(/(?:import|export)[^'"]*from '([^']+)'/g), (match) => match[1])
      expect(imported.filter((specifier) => !specifier.startsWith('./'))).toEqual([])
    }
  })
})

describe('copied into a uni-app project and built', () => {
  let gw: any
  let project: string
  let mpWeixin: string
  let h5: string
  beforeAll(async () => {
    gw = await startGateway()
    project = mkdtempSync(join(tmpdir(), 'uni-modules-app-'))
    cpSync(join(root, 'fixtures', 'uni-modules-app'), project, { recursive: true })
    cpSync(uniModule, join(project, 'src', 'uni_modules', 'mp-functions'), { recursive: true })
    mkdirSync(join(project, 'node_modules'))
    for (const name of readdirSync(demoModules).filter((name) => name !== 'mp-functions')) {
      symlinkSync(join(demoModules, name), join(project, 'node_modules', name))
    }
    const options = { project, gatewayUrl: gw.url, anonKey: gw.anonKey }
    mpWeixin = await build('mp-weixin', { ...options, outDir: join(project, 'dist', 'mp-weixin') })
    h5 = await build('h5', { ...options, outDir: join(project, 'dist', 'h5') })
  })
  afterAll(async () => {
    if (gw) await gw.close()
    if (project) rmSync(project, { recursive: true, force: true })
  })

  it('type-checks (vue-tsc): this.$functions and uni.$functions typed by the declarations in js_sdk/', async () => {
    const vueTsc = join(demoModules, 'vue-tsc', 'bin', 'vue-tsc.js')
    const result = await new Promise<{ code: number; output: string }>((resolve) =>
      execFile(process.execPath, [vueTsc, '--noEmit', '-p', '.'], { cwd: project }, (error, stdout, stderr) =>
        resolve({ code: error ? Number(error.code) || 1 : 0, output: stdout + stderr }),
      ),
    )
    expect(result).toEqual({ code: 0, output: '' })
  })

  const last = (fn: string) => gw.requests.filter((request: any) => request.fn === fn && request.method !== 'OPTIONS').pop()

  it('mp-weixin, run under Node: this.$functions, uni.$functions, and an HTTP error as FunctionsHttpError', async () => {
    const wx = createWx()
    wx.preloadAssets = () => {}
    const page = loadMiniProgram(mpWeixin, { wx }).openPage('pages/index/index')
    page.tap('run-options')
    expect(await page.waitForText('options')).toBe('Hello uni_modules!')
    expect(last('hello').headers.apikey).toBe(gw.anonKey)
    page.tap('run-global')
    expect(await page.waitForText('global')).toBe('Hello uni.$functions!')
    page.tap('run-error')
    expect(await page.waitForText('error')).toBe('FunctionsHttpError 418')
    expect(wx.__requests.filter((request: any) => request.url.includes('/functions/v1/')).length).toBe(3)
  })

  it('H5, in Chromium: the same calls', () =>
    withH5Page(h5, async (press) => {
      expect(await press('run-options', 'options')).toBe('Hello uni_modules!')
      expect(await press('run-global', 'global')).toBe('Hello uni.$functions!')
      expect(await press('run-error', 'error')).toBe('FunctionsHttpError 418')
    }))
})
