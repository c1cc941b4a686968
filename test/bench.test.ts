// The benchmark is not part of the suite (timings there would be noise), but each measurement runs
// here in its smoke mode — a few calls — so `npm run bench` cannot rot. Figures, not timings, are checked.
// eslint-disable-next-line @typescript-eslint/no-var-requires
const { measurements } = require('../bench/run')

interface Section {
  title: string
  head: string[]
  rows: unknown[][]
  goals: { label: string; value: string; goal: string; met: boolean }[]
}

describe.each(measurements as string[])('bench/%s.js in smoke mode', (name) => {
  // Bundling supabase-wechat-stable-v2 for its size takes a while on a busy two-core machine.
  it('produces a table of figures', async () => {
    // eslint-disable-next-line @typescript-eslint/no-var-requires
    const section: Section = await require(`../bench/${name}`).run({ smoke: true })
    expect(section.title).toBeTruthy()
    expect(section.rows.length).toBeGreaterThan(0)
    for (const row of section.rows) {
      expect(row).toHaveLength(section.head.length)
      // Every figure after the row's label is a finite number.
      for (const cell of row.slice(1).filter((cell) => !/[a-z]/i.test(String(cell)))) expect(Number.isFinite(Number(cell))).toBe(true)
      expect(row.slice(1).some((cell) => Number.isFinite(Number(cell)))).toBe(true)
    }
    for (const goal of section.goals) {
      expect(goal.value).toMatch(/\d/)
      expect(typeof goal.met).toBe('boolean')
    }
  }, 90000)
})

it('the bridge figures meet their goal: one storage read and no JSON parse per call once the session is known', async () => {
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  const { goals } = await require('../bench/bridge').run({ smoke: true })
  expect(goals.map((goal: Section['goals'][0]) => [goal.value, goal.met])).toEqual([
    ['1, 0', true],
    ['1, 0', true],
  ])
})

it('another client is measured with its code and dependencies, not left out as an external import', async () => {
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  const { measure } = require('../scripts/size')
  const code = "import { FunctionsClient } from '@supabase/functions-js'; export default FunctionsClient"
  expect((await measure(code)).gzip).toBeLessThan(200)
  expect((await measure(code, { bundleAll: true })).gzip).toBeGreaterThan(1000)
})
