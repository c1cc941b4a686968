// The whole tree's format and lint (Biome, biome.json) and the shape of src/: checked with the tests,
// so a change that breaks them cannot land.
import { execFileSync } from 'child_process'
import { readdirSync, readFileSync, statSync } from 'fs'
import { dirname, join, relative, resolve } from 'path'

const root = join(__dirname, '..')

it('Biome: formatted, and no lint errors, across the whole tree', () => {
  const biome = join(root, 'node_modules', '@biomejs', 'biome', 'bin', 'biome')
  let output = ''
  try {
    output = execFileSync(process.execPath, [biome, 'check', '--max-diagnostics=50', '.'], { cwd: root, encoding: 'utf8', stdio: 'pipe' })
  } catch (error) {
    const failed = error as { stdout?: string; stderr?: string }
    output = `${failed.stdout || ''}${failed.stderr || ''}`
    throw new Error(`biome check failed (fix with: npx biome check --write .):\n${output}`)
  }
  expect(output).not.toMatch(/error/i)
})

/** The relative imports of each source file in src/, type-only ones included. */
function importGraph(dir: string): Map<string, string[]> {
  const graph = new Map<string, string[]>()
  const visit = (path: string) => {
    for (const name of readdirSync(path)) {
      const file = join(path, name)
      if (statSync(file).isDirectory()) visit(file)
      else if (/\.ts$/.test(name) && !/\.d\.ts$/.test(name)) {
        const source = readFileSync(file, 'utf8')
        const targets = Array.from(
          source.matchAll(/^(?:import|export)[^'"]*from '(\.[^']+)'/gm),
          (match) => `${resolve(dirname(file), match[1])}.ts`,
        )
        graph.set(file, targets)
      }
    }
  }
  visit(dir)
  return graph
}

it('src/ has no import cycles, type imports included', () => {
  const graph = importGraph(join(root, 'src'))
  const cycles: string[] = []
  const state = new Map<string, 'open' | 'done'>()
  const walk = (file: string, path: string[]) => {
    if (state.get(file) == 'done') return
    if (state.get(file) == 'open') {
      cycles.push(
        path
          .slice(path.indexOf(file))
          .concat(file)
          .map((step) => relative(root, step))
          .join(' → '),
      )
      return
    }
    state.set(file, 'open')
    for (const target of graph.get(file) || []) walk(target, path.concat(file))
    state.set(file, 'done')
  }
  for (const file of graph.keys()) walk(file, [])
  expect(graph.size).toBeGreaterThan(30)
  expect(cycles).toEqual([])
})
