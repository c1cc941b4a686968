// demo-taro's other targets compile with the plugin (the qq build, whose page model is WeChat's, also runs
// under Node over a QQ-shaped `qq` against the gateway), its shipped types check in Taro React and Vue 3
// projects, and a bad registration fails `taro build` with a message that says what to fix.
import { execFile } from 'child_process'
import { mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync, mkdirSync } from 'fs'
import { tmpdir } from 'os'
import { join } from 'path'
// eslint-disable-next-line @typescript-eslint/no-var-requires
const { buildTaro, demo } = require('../../scripts/taro-build')
// eslint-disable-next-line @typescript-eslint/no-var-requires
const { startGateway } = require('../../gateway')
// eslint-disable-next-line @typescript-eslint/no-var-requires
const { createWx } = require('../helpers/fake-wx')
// eslint-disable-next-line @typescript-eslint/no-var-requires
const { loadMiniProgram } = require('../helpers/mini-program-app')

jest.setTimeout(180000)

const run = (command: string, args: string[], cwd: string) =>
  new Promise<{ code: number; output: string }>((resolve) => {
    execFile(command, args, { cwd, maxBuffer: 64 << 20 }, (error, stdout, stderr) =>
      resolve({ code: error ? (error as any).code || 1 : 0, output: stdout + stderr }),
    )
  })
const bundle = (dir: string) =>
  readdirSync(dir)
    .filter((file) => file.endsWith('.js'))
    .map((file) => readFileSync(join(dir, file), 'utf8'))
    .join('\n')

// The build folds process.env.TARO_ENV in the plugin's choice of request shape
// (src/transports/request-shapes.ts) and drops the branches not taken (they become 0).
const CHOSEN = {
  alipay: /^true \? [\w.]+ : 0$/,
  baidu: /^false \? 0 :\s+true \? [\w.]+ : 0$/,
  wechat: /^false \? 0 :\s+false \? 0 : [\w.]+$/,
}
it.each([
  ['alipay', 'alipay'],
  ['tt', 'wechat'],
  ['qq', 'wechat'],
  ['swan', 'baidu'],
  ['jd', 'wechat'],
] as const)(
  'the %s build compiles with the plugin: runtime injected, options built in, the %s request shape chosen',
  async (type, shape) => {
    const { out } = await buildTaro({ type, url: 'https://demo.example.com' })
    const code = bundle(out)
    expect(code).toContain("Object.defineProperty(react.Component.prototype, '$functions'")
    expect(code).toMatch(/defineProperty\([^,]+, '\$functions'/)
    expect(code).toContain('"url":"https://demo.example.com"')
    const choice = /const shape = (.+);/.exec(code)
    expect(choice && choice[1].trim()).toMatch(CHOSEN[shape])
  },
)

it('the qq build runs under Node over a QQ-shaped qq.request: calls, bytes both ways, sign-in, an HTTP error, a stream read whole', async () => {
  const gw = await startGateway()
  try {
    const { out } = await buildTaro({ type: 'qq', url: gw.url, anonKey: gw.anonKey })
    const qq = createWx({ platform: 'qq' })
    const page = loadMiniProgram(out, { wx: qq, global: 'qq', template: '.qml' }).openPage('pages/index/index')
    const press = async (name: string) => {
      await page.waitForText(`btn-${name}`)
      page.tap(`btn-${name}`)
      return page.waitForText(`out-${name}`, (text: string) => text !== '' && text !== '…')
    }
    expect(await press('class')).toBe('Hello 类组件!')
    expect(await press('binary')).toBe('[0,1,127,128,255]')
    expect(await press('signin')).toBe('已登录 demo@example.com')
    expect(await press('whoami')).toBe('authenticated demo@example.com')
    expect(await press('error')).toBe("出错了 418: I'm a Teapot")
    // QQ documents no chunked transfer: the events come together when the request completes.
    expect(await press('stream')).toBe('第1条消息：你好 | 第2条消息：你好 | 第3条消息：你好 | 完成')
    expect(qq.__requests.every((request: any) => request.responseType === 'arraybuffer')).toBe(true)
  } finally {
    await gw.close()
  }
})

it("the shipped types: this.$functions, useFunctions(), Taro.$functions and createTaroFunctions() in React, this.$functions in Vue 3: typed by the demo's AppFunctions, untyped where nothing augments it", async () => {
  const tsc = join(demo, 'node_modules', '.bin', 'tsc')
  const react = await run(tsc, ['-p', '.'], demo)
  expect(react.output).toBe('')
  const vue = await run(tsc, ['-p', 'tsconfig.vue.json'], demo)
  expect(vue.output).toBe('')
  const untyped = await run(tsc, ['-p', 'tsconfig.untyped.json'], demo)
  expect(untyped.output).toBe('')
})

it('a registration without url fails the build and says how to fix it', async () => {
  // A bare Taro project beside the demo, sharing its installed packages.
  const project = mkdtempSync(join(tmpdir(), 'taro-no-url-'))
  try {
    symlinkSync(join(demo, 'node_modules'), join(project, 'node_modules'))
    mkdirSync(join(project, 'config'))
    mkdirSync(join(project, 'src'))
    writeFileSync(join(project, 'package.json'), '{"name":"no-url","private":true}')
    writeFileSync(
      join(project, 'config', 'index.js'),
      "module.exports = { sourceRoot: 'src', outputRoot: 'dist', framework: 'react', compiler: 'webpack5', plugins: [['mp-functions/taro-plugin', { anonKey: 'key' }]] }\n",
    )
    const { code, output } = await run(join(demo, 'node_modules', '.bin', 'taro'), ['build', '--type', 'weapp'], project)
    expect(code).not.toBe(0)
    expect(output).toContain(`mp-functions/taro-plugin: "url" is required. Set it in config/index.ts`)
  } finally {
    rmSync(project, { recursive: true, force: true })
  }
})
