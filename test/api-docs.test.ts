// The API reference (docs/api) is generated from the types and their TSDoc comments, the one source
// of truth: regenerating it must change nothing, and every exported function, class, interface, type
// and variable must be documented (typedoc.json's validation, warnings as errors).
// After changing an exported API or its comments: `npm run docs:api`, and commit docs/api.
import { execFileSync } from 'child_process'
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'fs'
import { tmpdir } from 'os'
import { join, relative } from 'path'

const root = join(__dirname, '..')

/** Every file under `dir`, by its path relative to `dir`, with its text. */
function tree(dir: string): Record<string, string> {
  const files: Record<string, string> = {}
  const walk = (at: string) => {
    for (const name of readdirSync(at)) {
      const path = join(at, name)
      if (statSync(path).isDirectory()) walk(path)
      else files[relative(dir, path)] = readFileSync(path, 'utf8')
    }
  }
  walk(dir)
  return files
}

it('docs/api is what typedoc generates from the sources now, and nothing exported is undocumented', () => {
  const out = mkdtempSync(join(tmpdir(), 'api-docs-'))
  try {
    execFileSync(process.execPath, [join(root, 'node_modules', 'typedoc', 'bin', 'typedoc'), '--out', out, '--treatWarningsAsErrors'], {
      cwd: root,
      encoding: 'utf8',
      stdio: 'pipe',
    })
    const fresh = tree(out)
    const committed = tree(join(root, 'docs', 'api'))
    expect(Object.keys(committed).sort()).toEqual(Object.keys(fresh).sort())
    for (const file of Object.keys(fresh)) expect({ file, text: committed[file] }).toEqual({ file, text: fresh[file] })
  } catch (e) {
    const { stdout, stderr } = e as { stdout?: string; stderr?: string }
    if (stdout == null) throw e
    throw new Error(`typedoc failed (fix the comment, or run npm run docs:api):\n${(stdout + (stderr || '')).replace(/\x1b\[\d+m/g, '')}`)
  } finally {
    rmSync(out, { recursive: true, force: true })
  }
}, 60000)
