// One H5 build's calls in Chromium, as the fixture tests run them: the build served on 127.0.0.1, its page opened,
// each call a button whose answer appears in an output element.
// eslint-disable-next-line @typescript-eslint/no-var-requires
const { launchChromium } = require('./chromium')
// eslint-disable-next-line @typescript-eslint/no-var-requires
const { serveStatic } = require('../../scripts/static-server')

/** Clicks `#button`, waits until `#output` shows something, and returns what it shows. */
export type Press = (button: string, output: string) => Promise<string>

/** Serves the H5 build in `dir`, opens it, runs `steps`, and requires that the page raised no error; closes both after. */
export async function withH5Page(dir: string, steps: (press: Press) => Promise<void>) {
  const site = await serveStatic(dir)
  const browser = await launchChromium()
  try {
    const page = await browser.context.newPage()
    const pageErrors: string[] = []
    page.on('pageerror', (error: Error) => pageErrors.push(String(error)))
    await page.goto(`${site.url}/`)
    await steps(async (button, output) => {
      await page.click(`#${button}`)
      await page.waitForFunction((selector: string) => document.querySelector(selector)?.textContent, `#${output}`)
      return page.textContent(`#${output}`)
    })
    expect(pageErrors).toEqual([])
  } finally {
    await browser.close()
    await site.close()
  }
}
