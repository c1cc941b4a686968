// demo-taro's other targets compile with the plugin, its shipped types check in Taro React and Vue 3
// projects, and a bad registration fails `taro build` with a message that says what to fix.
import { execFile } from 'child_process'
import { mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync, mkdirSync } from 'fs'
import { tmpdir } from 'os'
import { join } from 'path'
// eslint-disable-next-line @typescript-eslint/no-var-requires
const { buildTaro, demo } = require('../../scripts/taro-build')

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

it.each(['alipay', 'tt'])('the %s build compiles with the plugin: runtime injected, options built in', async (type) => {
  const { out } = await buildTaro({ type, url: 'https://demo.example.com' })
  const code = bundle(out)
  expect(code).toContain("Object.defineProperty(react.Component.prototype, '$functions'")
  expect(code).toMatch(/defineProperty\([^,]+, '\$functions'/)
  expect(code).toContain('"url":"https://demo.example.com"')
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
