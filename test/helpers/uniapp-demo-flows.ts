// The flows of demo-uniapp's index page, asserted on what the page shows and on what the gateway
// received. Run against each real build by the tests in test/e2e.

/** What both platforms offer the flows. */
export interface Driver {
  tap(id: string): Promise<void>
  /** The element's text once it is not empty. */
  result(id: string): Promise<string>
  storedSession(): Promise<any>
}

const decodeJwt = (token: string) => JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString())
/** The same flows and the same assertions on every platform. */
export async function runFlows(gw: any, page: Driver, { throughRelay = false } = {}) {
  const lastCall = (fn: string) => [...gw.requests].reverse().find((r: any) => r.path == '/functions/v1/' + fn)
  gw.clearRequests()

  await page.tap('run-options')
  expect(await page.result('options')).toBe('Hello Options API!')
  const hello = lastCall('hello')
  expect(JSON.parse(hello.body.toString())).toEqual({ name: 'Options API' })
  expect(hello.headers.apikey).toBe(gw.anonKey)
  expect(hello.headers.authorization).toBe('Bearer ' + gw.anonKey)

  await page.tap('run-global')
  expect(await page.result('global')).toBe('Hello uni.$functions!')
  expect(JSON.parse(lastCall('hello').body.toString())).toEqual({ name: 'uni.$functions' })

  await page.tap('run-sign-in')
  expect(await page.result('sign-in')).toBe('signed in as demo@example.com')
  expect(await page.result('signed-in')).toBe('authenticated demo@example.com')
  const session = await page.storedSession()
  const mirror = lastCall('mirror')
  expect(mirror.headers.authorization).toBe('Bearer ' + session.access_token)
  expect(mirror.headers.apikey).toBe(gw.anonKey)
  expect(decodeJwt(session.access_token)).toMatchObject({ email: 'demo@example.com', role: 'authenticated' })

  await page.tap('run-error')
  expect(await page.result('error')).toBe('FunctionsHttpError 418: 函数出错了: 418')
  expect(lastCall('status/418').query).toMatchObject({ type: 'text' })

  await page.tap('run-binary')
  expect(await page.result('binary')).toBe('0,1,127,128,254,255')
  expect([...lastCall('binary').body]).toEqual([0, 1, 127, 128, 254, 255])
  expect(lastCall('binary').headers['content-type']).toBe('application/octet-stream')

  await page.tap('run-chinese')
  expect(await page.result('chinese')).toBe('Hello 世界! 你好，世界！🌏 mp-functions')
  expect(JSON.parse(lastCall('hello').body.toString('utf8'))).toEqual({ name: '世界' })
  await page.tap('run-stream')
  expect(await page.result('stream')).toBe('第1条消息：你好 | 第2条消息：你好 | 第3条消息：你好 | done')
  await page.tap('run-feed')
  if (throughRelay) {
    // The relay waits for a stream's end until RELAY_TIMEOUT_MS, then says why; and closes the socket.
    expect(await page.result('feed')).toMatch(/UPSTREAM_TIMEOUT.*callFunction carries whole answers only/)
  } else {
    // A never-ending stream resolves at its headers with the plugin's defaults; cancel() closes the socket.
    expect(await page.result('feed')).toBe('1,2,3 cancelled')
  }
  const feed = lastCall('feed')
  for (let i = 0; i < 100 && !feed.aborted; i++) await new Promise((resolve) => setTimeout(resolve, 20))
  expect(feed.aborted).toBe(true)

  // Signed in from here on: the user's token, never sent anywhere but the gateway.
  expect(lastCall('text').headers.authorization).toBe('Bearer ' + session.access_token)
  expect(gw.requests.every((r: any) => r.headers.host == new URL(gw.url).host)).toBe(true)
}
