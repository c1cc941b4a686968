// The package as `npm pack` makes it (and so `npm publish`): what it ships, that the ecosystem's
// package linters find nothing wrong, and that every subpath resolves for webpack 4, which ignores
// package.json `exports` (uni-app's Vue 2 toolchain, Taro 3, older tools). Installed the way the
// README says to install it before the first release: from the tarball.
import { execFileSync } from 'child_process'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs'
import { tmpdir } from 'os'
import { join, normalize } from 'path'

jest.setTimeout(180000)

const root = join(__dirname, '..')
const bin = (name: string) => join(root, 'node_modules', '.bin', name)
const work = mkdtempSync(join(tmpdir(), 'mp-functions-package-'))
let tarball = ''
let files: string[] = []

beforeAll(() => {
  // The build ran already (npm test builds first); `prepare` would build again.
  const out = execFileSync('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', work], { cwd: root, encoding: 'utf8' })
  const [packed] = JSON.parse(out)
  tarball = join(work, packed.filename)
  files = packed.files.map((file: { path: string }) => file.path)
  execFileSync('tar', ['xzf', tarball, '-C', work])
})
afterAll(() => rmSync(work, { recursive: true, force: true }))

it('ships the built code with its types, the licence, the changelog, and a package.json per subpath', () => {
  for (const name of ['index', 'taro', 'taro-react', 'taro-vue', 'uniapp', 'uniapp-vue']) {
    for (const extension of ['mjs', 'cjs', 'd.ts', 'd.mts', 'd.cts']) expect(files).toContain(`dist/${name}.${extension}`)
  }
  expect(files).toEqual(
    expect.arrayContaining([
      'dist/taro-plugin.cjs',
      'taro-plugin.js',
      'taro-plugin.d.ts',
      'LICENSE',
      'README.md',
      'CHANGELOG.md',
      'taro/package.json',
      'taro/react/package.json',
      'taro/vue/package.json',
      'uniapp/package.json',
      'uniapp/vue/package.json',
    ]),
  )
  // Nothing of the repository's own: sources, tests, demos.
  expect(files.filter((file) => /^(src|test|demo-|bench|scripts)\//.test(file))).toEqual([])
  const manifest = JSON.parse(readFileSync(join(work, 'package', 'package.json'), 'utf8'))
  expect(manifest.repository.url).toMatch(/github\.com\/mp-functions\/mp-functions/)
  expect(manifest.homepage).toBeTruthy()
  expect(manifest.bugs.url).toBeTruthy()
  expect(manifest.license).toBe('MIT')
})

it('every relative link in the shipped README resolves inside the package', () => {
  const readme = readFileSync(join(work, 'package', 'README.md'), 'utf8')
  const links = Array.from(readme.matchAll(/\]\(([^)#\s]+)(#[^)]*)?\)/g), (match) => match[1]).filter((link) => !/^[a-z]+:/i.test(link))
  expect(links.length).toBeGreaterThan(5)
  const missing = links.filter((link) => !existsSync(normalize(join(work, 'package', link))))
  expect(missing).toEqual([])
})

it('publint finds no errors or warnings', () => {
  const out = execFileSync(bin('publint'), [tarball], { encoding: 'utf8' })
  expect(out).toContain('All good!')
})

it('arethetypeswrong: every entry resolves with its types under node10, node16 (CJS and ESM) and bundlers', () => {
  const out = execFileSync(bin('attw'), [tarball, '--format', 'json'], { encoding: 'utf8' })
  const report = JSON.parse(out)
  expect(report.analysis.problems).toEqual([])
  const entrypoints = Object.keys(report.analysis.entrypoints)
  expect(entrypoints).toEqual(
    expect.arrayContaining(['.', './taro', './taro/react', './taro/vue', './uniapp', './uniapp/vue', './taro-plugin']),
  )
  for (const entry of entrypoints) {
    for (const [resolution, result] of Object.entries(report.analysis.entrypoints[entry].resolutions) as Array<[string, any]>) {
      expect(`${entry} ${resolution}: ${result.resolution ? 'types found' : 'no types'}`).toBe(`${entry} ${resolution}: types found`)
    }
  }
})

it('webpack 4 bundles every subpath from the installed tarball (it reads main/module, not exports)', async () => {
  const app = join(work, 'app')
  mkdirSync(join(app, 'src'), { recursive: true })
  writeFileSync(join(app, 'package.json'), '{"name":"webpack4-app","private":true}')
  // As the README says, before the first release: npm install ./mp-functions-<version>.tgz
  execFileSync('npm', ['install', tarball, '--no-audit', '--no-fund', '--legacy-peer-deps'], { cwd: app, encoding: 'utf8' })
  const subpaths: Array<[string, string]> = [
    ['mp-functions', 'createFunctions'],
    ['mp-functions/taro', 'configureFunctions'],
    ['mp-functions/taro/react', 'useInvoke'],
    ['mp-functions/taro/vue', 'functionsPlugin'],
    ['mp-functions/uniapp', 'FunctionsPlugin'],
    ['mp-functions/uniapp/vue', 'useInvokeStream'],
  ]
  const entry = subpaths.map(([path], i) => `import * as m${i} from '${path}'\nconsole.log(m${i})`).join('\n')
  writeFileSync(join(app, 'src', 'index.js'), entry)
  writeFileSync(join(app, 'src', 'plugin.js'), "module.exports = require('mp-functions/taro-plugin')\n")
  // webpack 4 itself, from the repository's devDependencies; the app resolves the package it installed.
  const webpack = require(join(root, 'node_modules', 'webpack'))
  const compile = (config: object) =>
    new Promise<any>((resolve, reject) =>
      webpack(config, (error: Error | null, stats: any) =>
        error ? reject(error) : resolve(stats.toJson({ all: false, errors: true, modules: true })),
      ),
    )
  const common = {
    context: app,
    mode: 'development',
    devtool: false,
    resolve: { modules: [join(app, 'node_modules')] },
    externals: ['@tarojs/taro', 'react', 'vue', '@dcloudio/uni-app'],
    // Node 17+ has no md4, webpack 4's default hash.
    output: { path: join(app, 'dist'), hashFunction: 'sha256' },
  }
  const web = await compile({ ...common, entry: './src/index.js', output: { ...common.output, filename: 'web.js' } })
  expect(web.errors).toEqual([])
  const bundled = web.modules.map((module: { name: string }) => module.name).join('\n')
  // The core as ESM (tree-shaken); the Taro plugins as CommonJS (webpack 4 refuses named imports of CommonJS frameworks
  // in .mjs); the uni-app plugin, which imports no framework, as ESM: the same core as 'mp-functions', so errors
  // imported from there match its errors by instanceof (uni-app Vue 2 is webpack 4).
  expect(bundled).toContain('mp-functions/dist/index.mjs')
  for (const name of ['taro', 'taro-react', 'taro-vue', 'uniapp-vue']) expect(bundled).toContain(`mp-functions/dist/${name}.cjs`)
  expect(bundled).toContain('mp-functions/dist/uniapp.mjs')
  expect(bundled).not.toContain('mp-functions/dist/uniapp.cjs')
  const node = await compile({
    ...common,
    target: 'node',
    entry: './src/plugin.js',
    output: { ...common.output, filename: 'plugin.js', libraryTarget: 'commonjs2' },
  })
  expect(node.errors).toEqual([])
  expect(node.modules.map((module: { name: string }) => module.name).join('\n')).toContain('mp-functions/dist/taro-plugin.cjs')
  const code = readFileSync(join(app, 'dist', 'web.js'), 'utf8')
  for (const [, name] of subpaths) if (name) expect(code).toContain(name)
})
