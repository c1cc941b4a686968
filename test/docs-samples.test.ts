// Every code sample in the docs compiles against the package as users install it, so the docs cannot
// drift from the API. A failure names the doc's file and line. See test/helpers/doc-samples.ts.
import { checkSamples, docFiles, extractSamples, type Env, type Sample } from './helpers/doc-samples'

const found = docFiles().map((file) => extractSamples(file))
const samples = found.flatMap((f) => f.samples)
const byEnv = (env: Env): Sample[] => samples.filter((s) => s.env == env)

describe('docs samples', () => {
  it('every fenced block names its language, and opt-outs say why', () => {
    const unlabelled = found.flatMap((f, n) => f.unlabelled.map((line) => `${docFiles()[n]}:${line}`))
    expect(unlabelled).toEqual([])
    for (const skip of found.flatMap((f) => f.skipped)) expect(`${skip.file}:${skip.line} ${skip.reason}`).toMatch(/:\d+ \S.{10,}/)
  })

  it.each<[Env, number]>([
    ['core', 5],
    ['taro', 3],
    ['uniapp', 3],
    ['vue2', 1],
  ])('%s samples type-check (at least %d of them)', (env, least) => {
    const mine = byEnv(env)
    expect(mine.length).toBeGreaterThanOrEqual(least)
    const problems = checkSamples(env, mine).map((p) => `${p.where}: ${p.message}`)
    expect(problems).toEqual([])
  }, 120000)
})
