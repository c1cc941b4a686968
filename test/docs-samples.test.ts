// Every code sample in the docs compiles against the package as users install it, so the docs cannot
// drift from the API. A failure names the doc's file and line. See test/helpers/doc-samples.ts.
import { checkSamples, docFiles, extractSamples, type Env, type Sample } from './helpers/doc-samples'

const files = docFiles()
const found = files.map((file) => extractSamples(file))
const samples = found.flatMap((f) => f.samples)
const byEnv = (env: Env): Sample[] => samples.filter((s) => s.env == env)

describe('docs samples', () => {
  it('every fenced block names its language, and opt-outs say why', () => {
    const unlabelled = found.flatMap((f, n) => f.unlabelled.map((line) => `${files[n]}:${line}`))
    expect(unlabelled).toEqual([])
    for (const skip of found.flatMap((f) => f.skipped)) expect(`${skip.file}:${skip.line} ${skip.reason}`).toMatch(/:\d+ \S.{10,}/)
  })

  it.each<[Env, number]>([
    ['core', 20],
    ['taro', 8],
    ['uniapp', 7],
    ['vue2', 2],
  ])(
    '%s samples type-check (at least %d of them)',
    (env, least) => {
      const mine = byEnv(env)
      expect(mine.length).toBeGreaterThanOrEqual(least)
      // A sample that augments the package's types (the typed registry's AppFunctions) would change the
      // others' types: those share a program of their own.
      const augments = (s: Sample) => /declare module ['"]mp-functions['"]/.test(s.code)
      const groups = [mine.filter((s) => !augments(s)), mine.filter(augments)].filter((group) => group.length)
      const problems = groups.flatMap((group) => checkSamples(env, group)).map((p) => `${p.where}: ${p.message}`)
      expect(problems).toEqual([])
    },
    120000,
  )
})
