// What the Taro plugin adds to a real weapp production build's JS (minified, as users ship it): with
// the default options, and with retry and queue turned on in config/index.ts. A feature left off is
// not in the build at all. The figures are printed; the default stays within the plugin's budget.
import { execFile } from 'child_process'
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'fs'
import { tmpdir } from 'os'
import { join } from 'path'
import { gzipSync } from 'zlib'
// eslint-disable-next-line @typescript-eslint/no-var-requires
const { demo } = require('../../scripts/taro-build')
// eslint-disable-next-line @typescript-eslint/no-var-requires
const { PLUGIN_BUDGET } = require('../../scripts/size')

jest.setTimeout(600000)

const project = mkdtempSync(join(tmpdir(), 'taro-size-'))
afterAll(() => rmSync(project, { recursive: true, force: true }))

/** Every .js file of a build, concatenated. */
function javascript(dir: string): string {
  return readdirSync(dir)
    .map((name) => join(dir, name))
    .map((file) => (statSync(file).isDirectory() ? javascript(file) : file.endsWith('.js') ? readFileSync(file, 'utf8') : ''))
    .join('\n')
}

/** A minimal Taro React app calling one function, built for weapp with `plugins` as its registration. */
function build(name: string, plugins: string, page?: string): Promise<string> {
  const root = join(project, name)
  mkdirSync(join(root, 'config'), { recursive: true })
  mkdirSync(join(root, 'src', 'pages', 'index'), { recursive: true })
  symlinkSync(join(demo, 'node_modules'), join(root, 'node_modules'))
  writeFileSync(join(root, 'package.json'), '{"name":"size","private":true,"browserslist":["defaults and fully supports es6-module"]}')
  writeFileSync(
    join(root, 'babel.config.js'),
    "module.exports = { presets: [['taro', { framework: 'react', ts: false, compiler: 'webpack5' }]] }\n",
  )
  writeFileSync(
    join(root, 'config', 'index.js'),
    `const { retry, queue } = require('mp-functions')\nmodule.exports = { projectName: 'size', sourceRoot: 'src', outputRoot: 'dist', framework: 'react', compiler: 'webpack5', designWidth: 750, deviceRatio: { 750: 1 }, mini: {}, plugins: ${plugins} }\n`,
  )
  writeFileSync(join(root, 'src', 'app.config.js'), "export default { pages: ['pages/index/index'] }\n")
  writeFileSync(join(root, 'src', 'app.js'), 'export default function App({ children }) { return children }\n')
  const call = plugins == '[]' ? "Taro.request({ url: 'https://a.example/functions/v1/hello' })" : "Taro.$functions.invoke('hello')"
  writeFileSync(
    join(root, 'src', 'pages', 'index', 'index.jsx'),
    page ||
      `import Taro from '@tarojs/taro'\nimport { View } from '@tarojs/components'\nexport default function Index() { return <View onClick={() => ${call}}>hi</View> }\n`,
  )
  const taro = join(demo, 'node_modules', '.bin', 'taro')
  return new Promise((resolve, reject) => {
    const env = Object.assign({}, process.env, { NODE_ENV: 'production' })
    execFile(taro, ['build', '--type', 'weapp'], { cwd: root, env, maxBuffer: 64 << 20 }, (error, stdout, stderr) => {
      if (error) reject(new Error(`taro build failed:\n${stdout.slice(-2000)}\n${stderr.slice(-2000)}`))
      else resolve(javascript(join(root, 'dist')))
    })
  })
}

const size = (code: string) => ({ min: Buffer.byteLength(code), gzip: gzipSync(code, { level: 9 }).length })
// Strings only the retry and the queue feature contain, and only the request hooks.
const RETRY_CODE = 'x-retry-attempts'
const QUEUE_CODE = 'The call was cancelled while queued'
const HOOKS_CODE = 'refreshOnShow'

it('the plugin in a weapp production build: what it adds, with default options, with retry + queue, with useInvoke; features and hooks left out add nothing', async () => {
  const plain = await build('plain', '[]')
  const defaults = await build('defaults', "[['mp-functions/taro-plugin', { url: 'https://abcd.supabase.co', anonKey: 'anon' }]]")
  const features = await build(
    'features',
    "[['mp-functions/taro-plugin', { url: 'https://abcd.supabase.co', anonKey: 'anon', features: [retry({ attempts: 3 }), queue({ maxConcurrent: 4 })] }]]",
  )
  const hooks = await build(
    'hooks',
    "[['mp-functions/taro-plugin', { url: 'https://abcd.supabase.co', anonKey: 'anon' }]]",
    "import { View } from '@tarojs/components'\nimport { useInvoke } from 'mp-functions/taro/react'\nexport default function Index() { const { data } = useInvoke('hello'); return <View>{String(data)}</View> }\n",
  )
  const base = size(plain)
  const added = (code: string) => ({ min: size(code).min - base.min, gzip: size(code).gzip - base.gzip })
  console.log(
    [
      `weapp production build JS: ${base.min} B (${base.gzip} B gzip) without the plugin`,
      `+ the plugin, default options: +${added(defaults).min} B (+${added(defaults).gzip} B gzip)`,
      `+ the plugin, retry and queue on: +${added(features).min} B (+${added(features).gzip} B gzip)`,
      `+ the plugin and useInvoke: +${added(hooks).min} B (+${added(hooks).gzip} B gzip)`,
    ].join('\n'),
  )
  // Left off in config/index.ts: not one line of either feature is in the build.
  expect(defaults).not.toContain(RETRY_CODE)
  expect(defaults).not.toContain(QUEUE_CODE)
  expect(features).toContain(RETRY_CODE)
  expect(features).toContain(QUEUE_CODE)
  expect(added(features).gzip).toBeGreaterThan(added(defaults).gzip)
  // The React runtime the plugin injects exports the hooks: an app that does not call them has none of their code.
  expect(defaults).not.toContain(HOOKS_CODE)
  expect(hooks).toContain(HOOKS_CODE)
  // The plugin's budget (its default import, streaming included, min+gzip).
  expect(added(defaults).gzip).toBeLessThanOrEqual(PLUGIN_BUDGET)
})
