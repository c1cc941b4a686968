// Finds the code samples in the docs and type-checks them the way users compile them: against the
// package as installed (`mp-functions` and its subpaths through package.json `exports`), the core
// ones on their own, the Taro ones with demo-taro's dependencies, the uni-app ones (Vue SFCs too)
// with demo-uniapp's, the Vue 2 ones with Vue 2.7's types. One compiler program per environment.
import { execFileSync } from 'child_process'
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'fs'
import { tmpdir } from 'os'
import { join, relative } from 'path'
import * as ts from 'typescript'

export const root = join(__dirname, '..', '..')

/** Languages whose blocks are compiled; every other labelled block (sh, text, json…) is not code to check. */
const CODE = /^(ts|typescript|tsx|js|javascript|vue)$/
/** `<!-- docs-sample: skip <why> -->` on the line before a fence opts it out; the reason is required. */
const SKIP = /^<!--\s*docs-sample:\s*skip\b\s*(.*?)\s*-->$/

export type Env = 'core' | 'taro' | 'uniapp' | 'vue2'

export interface Sample {
  /** Path relative to the repo root. */
  file: string
  /** 1-based line of the first code line (the one after the opening fence). */
  line: number
  lang: string
  env: Env
  code: string
}

export interface Skipped {
  file: string
  line: number
  reason: string
}

/** The docs whose samples are checked: the READMEs and docs/*.md (docs/api is generated from the checked sources). */
export function docFiles(): string[] {
  const docs = existsSync(join(root, 'docs'))
    ? readdirSync(join(root, 'docs'))
        .filter((f) => f.endsWith('.md'))
        .map((f) => `docs/${f}`)
    : []
  const plugins = readdirSync(join(root, 'plugins'))
    .map((p) => `plugins/${p}/README.md`)
    .filter((f) => existsSync(join(root, f)))
  return ['README.md', ...docs, ...plugins]
}

/** Which environment compiles a block: an explicit word after the language (```ts taro), else what it imports. */
function envOf(lang: string, words: string[], source: string): Env {
  const named = words.find((w): w is Env => /^(core|taro|uniapp|vue2)$/.test(w))
  if (named) return named
  // What the code uses, not what its comments mention.
  const code = source.replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '')
  if (/vue\/types\/vue|Vue\.use\(/.test(code)) return 'vue2'
  if (lang == 'vue' || /mp-functions\/uniapp|\buni\.[\w$]/.test(code)) return 'uniapp'
  if (/mp-functions\/taro|@tarojs\//.test(code)) return 'taro'
  return 'core'
}

export function extractSamples(file: string): { samples: Sample[]; skipped: Skipped[]; unlabelled: number[] } {
  const lines = readFileSync(join(root, file), 'utf8').split('\n')
  const samples: Sample[] = []
  const skipped: Skipped[] = []
  const unlabelled: number[] = []
  for (let i = 0; i < lines.length; i++) {
    const open = /^(\s*)(`{3,}|~{3,})\s*(.*)$/.exec(lines[i])
    if (!open) continue
    const [, indent, fence, info] = open
    const start = i
    let end = i + 1
    while (end < lines.length && !(lines[end].trim().startsWith(fence) && lines[end].trim().replace(/[`~]/g, '') == '')) end++
    const [lang = '', ...words] = info.trim().toLowerCase().split(/\s+/)
    const code = lines
      .slice(start + 1, end)
      .map((l) => (l.startsWith(indent) ? l.slice(indent.length) : l))
      .join('\n')
    i = end
    const skip = SKIP.exec((lines[start - 1] || '').trim())
    if (!lang) unlabelled.push(start + 1)
    else if (!CODE.test(lang)) continue
    else if (skip) skipped.push({ file, line: start + 1, reason: skip[1] })
    else samples.push({ file, line: start + 2, lang, env: envOf(lang, words, code), code })
  }
  return { samples, skipped, unlabelled }
}

/**
 * Free names the samples may use without declaring them (the client, the project's URL and key, a
 * signal…), so a short snippet need not repeat the set-up above it. Types come from the package.
 */
const PRELUDE: Record<Env, string> = {
  core: `/// <reference types="miniprogram-api-typings" />
import type { AbortSignalLike, FunctionsClient, FunctionsHooks, Transport } from 'mp-functions'
declare global {
  const url: string
  const anonKey: string
  const transport: Transport
  const client: FunctionsClient
  const functions: FunctionsClient
  const hooks: FunctionsHooks
  const signal: AbortSignalLike
  const supabase: { auth: { getSession(): Promise<{ data: { session: { access_token: string } | null } }> } }
  function showError(error: Error): void
  function report(...args: unknown[]): void
  function newTraceId(): string
  function cached(name: string): unknown
  let answer: string
}
export {}
`,
  taro: `/// <reference types="mp-functions/taro" />
/// <reference types="mp-functions/taro/react" />
import type { FunctionsClient } from 'mp-functions'
declare global {
  const url: string
  const anonKey: string
  const functions: FunctionsClient
}
export {}
`,
  uniapp: `import type { FunctionsClient } from 'mp-functions'
declare global {
  const url: string
  const anonKey: string
  const functions: FunctionsClient
}
declare module '*.vue' {
  import type { DefineComponent } from 'vue'
  const component: DefineComponent
  export default component
}
export {}
`,
  vue2: `declare module '*.vue' {
  const component: any
  export default component
}
`,
}

const extension = (sample: Sample) =>
  sample.lang == 'vue' ? '.vue' : sample.lang == 'tsx' ? '.tsx' : /^(js|javascript)$/.test(sample.lang) ? '.js' : '.ts'

/** Where each environment's packages come from: the demos' installs (the package in them is the packed tarball). */
function nodeModules(env: Env, dir: string) {
  const modules = join(dir, 'node_modules')
  if (env == 'taro') return symlinkSync(join(root, 'demo-taro', 'node_modules'), modules)
  if (env == 'uniapp') return symlinkSync(join(root, 'demo-uniapp', 'node_modules'), modules)
  mkdirSync(modules)
  // The core samples see only the package (as `npm pack` ships it: package.json + dist) and wx's typings.
  symlinkSync(root, join(modules, 'mp-functions'))
  if (env == 'core') {
    symlinkSync(join(root, 'demo-taro', 'node_modules', 'miniprogram-api-typings'), join(modules, 'miniprogram-api-typings'))
    // The migration guides' "before" code, checked against the SDKs it migrates from (root devDependencies).
    symlinkSync(join(root, 'node_modules', 'supabase-wechat-stable-v2'), join(modules, 'supabase-wechat-stable-v2'))
    symlinkSync(join(root, 'node_modules', '@supabase'), join(modules, '@supabase'))
  }
  if (env == 'vue2') {
    symlinkSync(join(root, 'demo-uniapp', 'node_modules', 'vue2'), join(modules, 'vue'))
    symlinkSync(join(root, 'demo-uniapp', 'node_modules', '@vue'), join(modules, '@vue'))
  }
}

const compilerOptions = (env: Env): Record<string, unknown> => ({
  target: 'ES2017',
  module: 'ESNext',
  moduleResolution: 'Bundler',
  lib: ['ES2020', 'DOM'],
  strict: true,
  noEmit: true,
  skipLibCheck: true,
  allowJs: true,
  checkJs: true,
  esModuleInterop: true,
  jsx: env == 'taro' ? 'react-jsx' : 'preserve',
  types: env == 'uniapp' ? ['@dcloudio/types'] : [],
})

export interface Problem {
  /** `file:line` in the docs. */
  where: string
  message: string
}

/** Type-checks one environment's samples; the problems point at the docs' lines. */
export function checkSamples(env: Env, samples: Sample[]): Problem[] {
  const dir = mkdtempSync(join(tmpdir(), `docs-samples-${env}-`))
  try {
    nodeModules(env, dir)
    const files = new Map<string, Sample>()
    samples.forEach((sample, n) => {
      const name = join(dir, `${sample.file.replace(/\W+/g, '_')}_L${sample.line}_${n}${extension(sample)}`)
      // A block without import or export is still a module of its own, so samples never collide.
      const code = sample.lang == 'vue' || /^\s*(import|export)\b/m.test(sample.code) ? sample.code : sample.code + '\nexport {}\n'
      writeFileSync(name, code)
      files.set(name, sample)
    })
    writeFileSync(join(dir, 'prelude.d.ts'), PRELUDE[env])
    // The app component a main.ts sample imports.
    writeFileSync(join(dir, 'App.vue'), '<template><view /></template>\n')
    const where = (name: string, line: number) => {
      const sample = files.get(name)
      return sample ? `${sample.file}:${sample.line + line}` : `${relative(dir, name)}:${line + 1}`
    }
    if (env == 'uniapp') {
      // vue-tsc checks the SFCs' templates and scripts; it needs a tsconfig on disk.
      writeFileSync(
        join(dir, 'tsconfig.json'),
        JSON.stringify({ compilerOptions: compilerOptions(env), include: ['*.ts', '*.js', '*.vue'] }),
      )
      try {
        execFileSync(
          process.execPath,
          [join(dir, 'node_modules', 'vue-tsc', 'bin', 'vue-tsc.js'), '--noEmit', '-p', dir, '--pretty', 'false'],
          { cwd: dir, encoding: 'utf8' },
        )
        return []
      } catch (e) {
        const output = String((e as { stdout?: string }).stdout || e)
        const found = [...output.matchAll(/^(.+?)\((\d+),\d+\): (error .*)$/gm)].map(([, name, line, message]) => ({
          where: where(join(dir, name.replace(/^.*[\\/]/, '')), Number(line) - 1),
          message,
        }))
        return found.length ? found : [{ where: env, message: output }]
      }
    }
    const parsed = ts.convertCompilerOptionsFromJson(compilerOptions(env), dir)
    const program = ts.createProgram([...files.keys(), join(dir, 'prelude.d.ts')], parsed.options)
    return ts.getPreEmitDiagnostics(program).map((d) => {
      const message = ts.flattenDiagnosticMessageText(d.messageText, '\n')
      if (!d.file || d.start == null) return { where: env, message }
      const { line } = d.file.getLineAndCharacterOfPosition(d.start)
      return { where: where(d.file.fileName, line), message: `error TS${d.code}: ${message}` }
    })
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
