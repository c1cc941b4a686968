'use strict'
// Puts the freshly built library into the demo apps and the fixture apps (fixtures/: other framework
// versions the tests build) exactly as users get it from npm: `npm pack` makes .pack/mp-functions.tgz,
// each app depends on it (`file:../.pack/mp-functions.tgz`, `file:../../.pack/…` for a fixture), and its
// node_modules/mp-functions is replaced by the tarball's contents. A demo whose dependencies are
// missing or older than its lockfile gets `npm ci` first. Run after `npm run build`.
//
// Why the lockfiles carry no integrity for mp-functions: the tarball changes with every build, and
// npm ci would either fail (EINTEGRITY) or, worse, silently install a cached older build.
const { execFileSync } = require('child_process')
const fs = require('fs')
const path = require('path')

const root = path.join(__dirname, '..')
const packDir = path.join(root, '.pack')
const tarball = path.join(packDir, 'mp-functions.tgz')
const demos = ['demo-taro', 'demo-uniapp', 'fixtures/taro36', 'fixtures/uniapp-vue2', 'fixtures/uniapp-platforms']
  .map((name) => path.join(root, name))
  .filter((dir) => fs.existsSync(path.join(dir, 'package.json')))

const run = (command, args, cwd) => execFileSync(command, args, { cwd, stdio: ['ignore', 'inherit', 'inherit'] })

function pack() {
  fs.rmSync(packDir, { recursive: true, force: true })
  fs.mkdirSync(packDir)
  const out = execFileSync('npm', ['pack', '--json', '--pack-destination', packDir], {
    cwd: root,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'ignore'],
  })
  fs.renameSync(path.join(packDir, JSON.parse(out)[0].filename), tarball)
}

function dropIntegrity(demo) {
  const file = path.join(demo, 'package-lock.json')
  if (!fs.existsSync(file)) return
  const lock = JSON.parse(fs.readFileSync(file, 'utf8'))
  const entry = lock.packages && lock.packages['node_modules/mp-functions']
  if (entry && entry.integrity) {
    delete entry.integrity
    fs.writeFileSync(file, JSON.stringify(lock, null, 2) + '\n')
    console.warn(`${path.relative(root, demo)}/package-lock.json: removed the integrity of mp-functions (see scripts/prepare-demos.js)`)
  }
}

// npm ci writes node_modules/.package-lock.json: older than the lockfile means the install is stale.
function install(demo) {
  const installed = path.join(demo, 'node_modules', '.package-lock.json')
  const lock = path.join(demo, 'package-lock.json')
  if (fs.existsSync(installed) && fs.statSync(installed).mtimeMs >= fs.statSync(lock).mtimeMs) return
  console.log(`${path.relative(root, demo)}: npm ci`)
  run('npm', ['ci', '--no-audit', '--no-fund'], demo)
}

function refresh(demo) {
  const target = path.join(demo, 'node_modules', 'mp-functions')
  fs.rmSync(target, { recursive: true, force: true })
  const temp = fs.mkdtempSync(path.join(packDir, 'extract-'))
  run('tar', ['-xzf', tarball, '-C', temp], root)
  fs.renameSync(path.join(temp, 'package'), target)
  fs.rmSync(temp, { recursive: true, force: true })
}

pack()
for (const demo of demos) {
  dropIntegrity(demo)
  install(demo)
  refresh(demo)
}

module.exports = { tarball, demos }
