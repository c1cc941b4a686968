'use strict'
// Chromium for the H5 tests, driven by playwright-core. The browser comes from the npm registry
// (@sparticuz/chromium ships a headless Chromium inside the package and unpacks it to the system's
// temporary folder on first use), so `npm ci && npm test` needs nothing but Node and npm. Here it
// starts in about 0.5 s, where Debian's chromium package takes about 3.5 s. CHROMIUM_PATH picks
// another browser.
const { execFileSync } = require('child_process')
const fs = require('fs')
const os = require('os')
const path = require('path')
const { chromium } = require('playwright-core')

let executable

/** The browser's path: unpacked once per process (the package is ESM-only, hence a child Node). */
function executablePath() {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH
  if (!executable) {
    const script = "import('@sparticuz/chromium').then((m) => m.default.executablePath()).then((p) => process.stdout.write(p))"
    executable = execFileSync(process.execPath, ['-e', script], { cwd: __dirname, encoding: 'utf8' })
  }
  return executable
}

async function launchChromium() {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'chromium-'))
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: executablePath(),
    headless: true,
    // Without the background-networking flags Chromium keeps calling hosts that a closed network refuses.
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  })
  return {
    context,
    async close() {
      await context.close()
      fs.rmSync(profile, { recursive: true, force: true })
    },
  }
}

module.exports = { launchChromium }
