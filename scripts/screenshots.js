'use strict'
// `npm run screenshots`: the request hooks' pages of demo-taro's H5 build, photographed in Chromium as a
// phone shows them, for the README (docs/screenshots/). Run after `npm run build && node scripts/prepare-demos.js`
// (the npm script does both); it starts a gateway of its own and builds the H5 app against it. The pages are
// Chinese: the machine needs a CJK font (Debian: apt-get install fonts-wqy-microhei), or the text shows as boxes.
const fs = require('fs')
const path = require('path')
const { startGateway } = require('../gateway')
const { launchChromium } = require('../test/helpers/chromium')
const { serveStatic } = require('./static-server')
const { buildTaro } = require('./taro-build')

const out = path.join(__dirname, '..', 'docs', 'screenshots')
const PHONE = { width: 375, height: 667 }

/** Resolves once the element's text satisfies `done`. */
async function waitForText(page, id, done) {
  for (let i = 0; i < 1000; i++) {
    const text = ((await page.textContent('#' + id)) || '').trim()
    if (done(text)) return text
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
  throw new Error(`#${id} never showed what was expected`)
}

async function main() {
  fs.mkdirSync(out, { recursive: true })
  const gateway = await startGateway()
  const { out: h5 } = await buildTaro({ type: 'h5', url: gateway.url, out: 'screenshots-h5' })
  const site = await serveStatic(h5)
  const browser = await launchChromium()
  try {
    const page = await browser.context.newPage()
    await page.setViewportSize(PHONE)
    await page.goto(site.url)
    await page.waitForSelector('#nav-chat')
    // After the page's enter animation and the toast's fade-in (about 300 ms each in Taro's H5 runtime).
    const shoot = async (name) => {
      await page.waitForTimeout(350)
      await page.screenshot({ path: path.join(out, `taro-h5-${name}.png`) })
    }

    // The chat answer half written: the stream is shown as it arrives.
    await page.click('#nav-chat')
    await page.click('#chat-send')
    await waitForText(page, 'chat-count', (text) => Number(text) >= 3)
    await shoot('chat')
    await waitForText(page, 'chat-state', (text) => text == '完成')
    await page.click('#chat-back')

    // The form: its call answered, and the failing call's error (with the error toast).
    await page.click('#nav-form')
    await page.click('#form-submit')
    await waitForText(page, 'form-state', (text) => text.startsWith('Hello'))
    await page.click('#form-fail')
    await waitForText(page, 'form-fail-state', (text) => text.startsWith('出错了'))
    await shoot('form')
    await page.click('#form-back')

    // The list opened again: the cached page at once, refreshing behind it.
    await page.click('#nav-list')
    await waitForText(page, 'list-state', (text) => text == '已是最新')
    await page.click('#list-back')
    await page.click('#nav-list')
    await waitForText(page, 'list-state', (text) => text == '刷新中…')
    await shoot('list')
    console.log(`screenshots in ${path.relative(process.cwd(), out)}: taro-h5-chat.png, taro-h5-form.png, taro-h5-list.png`)
  } finally {
    await browser.close()
    await site.close()
    await gateway.close()
  }
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
