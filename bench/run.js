'use strict'
// `npm run bench`: runs every measurement in this folder, prints the tables, writes bench/RESULTS.md
// and puts the same tables into the README between its bench markers. `node bench/run.js NAME…`
// runs only the named measurements and writes nothing.
const fs = require('fs')
const os = require('os')
const path = require('path')

/** One file per measurement; each exports `run({ smoke })` → { title, head, rows, goals, notes? }. */
const measurements = ['overhead', 'loopback', 'bridge', 'size', 'stream-decode', 'heap', 'cloud-relay']

const README = path.join(__dirname, '..', 'README.md')
const RESULTS = path.join(__dirname, 'RESULTS.md')
const START = '<!-- bench:start -->'
const END = '<!-- bench:end -->'

const table = (head, rows) => [head, head.map(() => '---'), ...rows].map((cells) => '| ' + cells.join(' | ') + ' |').join('\n')

function render(section) {
  const parts = [`### ${section.title}`, table(section.head, section.rows)]
  if (section.goals.length) {
    parts.push(
      table(
        ['goal', 'measured', 'target', 'met'],
        section.goals.map((g) => [g.label, g.value, g.goal, g.met ? '✅' : '❌ missed']),
      ),
    )
  }
  if (section.notes) parts.push(section.notes)
  return parts.join('\n\n')
}

function machine() {
  const cpus = os.cpus()
  return `Node ${process.version}, ${cpus.length} × ${cpus[0] ? cpus[0].model.trim() : 'CPU'}, ${os.platform()} ${os.arch()}, ${new Date().toISOString().slice(0, 10)}`
}

async function main(only) {
  const started = Date.now()
  const sections = []
  for (const name of only.length ? only : measurements) {
    process.stderr.write(`bench: ${name}…\n`)
    const section = render(await require(`./${name}`).run())
    console.log('\n' + section)
    sections.push(section)
  }
  if (only.length) return
  const body = [
    `Measured by \`npm run bench\` on ${machine()}; ratios are medians of per-round ratios, the candidates interleaved in the same run.`,
    ...sections,
  ].join('\n\n')
  fs.writeFileSync(RESULTS, `# Benchmark results\n\n${body}\n`)
  const readme = fs.readFileSync(README, 'utf8')
  const at = readme.indexOf(START)
  const end = readme.indexOf(END)
  if (at >= 0 && end > at) {
    fs.writeFileSync(README, readme.slice(0, at + START.length) + '\n' + body.replace(/^### /gm, '#### ') + '\n' + readme.slice(end))
  }
  process.stderr.write(
    `bench: wrote bench/RESULTS.md${at >= 0 ? ' and README.md' : ''} in ${((Date.now() - started) / 1000).toFixed(0)} s\n`,
  )
}

module.exports = { measurements }

if (require.main === module) {
  main(process.argv.slice(2)).catch((error) => {
    console.error(error)
    process.exit(1)
  })
}
