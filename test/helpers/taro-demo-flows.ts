// The flows of demo-taro's page, asserted on what the page shows and on what the gateway received.
// Run against each real build (weapp under Node, H5 in Chromium) by the tests in test/e2e.

export interface DemoDriver {
  tap(id: string): unknown
  /** Resolves with the element's text once `predicate` accepts it. */
  waitForText(id: string, predicate: (text: string) => boolean): Promise<string>
  /** The session as the app stored it, parsed. */
  storedSession(): Promise<{ access_token: string } | null>
}

/**
 * `throughRelay`: the build sends through cloudRelay, which cannot stream or cancel a request once it
 * is in the cloud function: those two flows assert what happens instead.
 */
export function demoFlows(context: () => { gw: any; driver: DemoDriver }, { throughRelay = false } = {}) {
  const done = (value: string) => value !== '' && value !== '…'
  const press = async (name: string) => {
    await context().driver.tap(`btn-${name}`)
    return context().driver.waitForText(`out-${name}`, done)
  }
  const last = (fn: string) => {
    const requests = context().gw.requests.filter((request: any) => request.fn === fn && request.method !== 'OPTIONS')
    return requests[requests.length - 1]
  }

  it('this.$functions in a class component: the anon key as apikey and Bearer, the JSON body', async () => {
    const { gw } = context()
    expect(await press('class')).toBe('Hello 类组件!')
    const request = last('hello')
    expect(request.headers.apikey).toBe(gw.anonKey)
    expect(request.headers.authorization).toBe(`Bearer ${gw.anonKey}`)
    expect(request.headers['content-type']).toBe('application/json')
    expect(JSON.parse(request.body.toString())).toEqual({ name: '类组件' })
  })

  it('useFunctions() in a function component', async () => {
    expect(await press('hook')).toBe('Hello Hook!')
    expect(JSON.parse(last('hello').body.toString())).toEqual({ name: 'Hook' })
  })

  it('Taro.$functions, with Chinese text both ways and binary bytes both ways', async () => {
    expect(await press('text')).toBe('你好，世界！🌏 mp-functions')
    expect(await press('chinese')).toBe('中文往返：你好，世界🌏')
    expect(last('mirror').body.toString('utf8')).toBe('中文往返：你好，世界🌏')
    expect(await press('binary')).toBe('[0,1,127,128,255]')
    expect(last('binary').headers['content-type']).toBe('application/octet-stream')
    expect(Array.from(last('binary').body)).toEqual([0, 1, 127, 128, 255])
  })

  it('signs in, keeps the session in Taro storage, and calls with the user’s token', async () => {
    const { gw, driver } = context()
    expect(await press('signin')).toBe('已登录 demo@example.com')
    const session = await driver.storedSession()
    expect(session!.access_token).toEqual(expect.any(String))
    expect(await press('whoami')).toBe('authenticated demo@example.com')
    expect(last('mirror').headers.authorization).toBe(`Bearer ${session!.access_token}`)
    expect(last('mirror').headers.apikey).toBe(gw.anonKey)
    expect(await press('signout')).toBe('已退出')
    expect(await driver.storedSession()).toBeNull()
    await driver.tap('btn-whoami')
    expect(await driver.waitForText('out-whoami', (value) => value.startsWith('anon'))).toMatch(/^anon/)
    expect(last('mirror').headers.authorization).toBe(`Bearer ${gw.anonKey}`)
  })

  it('shows an HTTP error with the function’s own message', async () => {
    expect(await press('error')).toBe("出错了 418: I'm a Teapot")
  })

  it('streams server-sent events through Taro.$functions (streaming by the answer, idle timeout from config/index.ts)', async () => {
    const { driver } = context()
    await driver.tap('btn-stream')
    // Each event was written in two pieces split inside a Chinese character.
    const text = await driver.waitForText('out-stream', (value) => value.endsWith('完成'))
    expect(text).toBe('第1条消息：你好 | 第2条消息：你好 | 第3条消息：你好 | 完成')
    expect(last('sse').query).toEqual({ count: '3', interval: '20', split: '10' })
  })

  if (throughRelay) {
    it('a never-ending event stream: the relay waits for its end until RELAY_TIMEOUT_MS, then a TIMEOUT that says why, and the socket closed', async () => {
      expect(await press('feed')).toMatch(/^出错了 TIMEOUT: .*callFunction carries whole answers only/)
      const feed = last('feed')
      for (let i = 0; i < 100 && !feed.aborted; i++) await new Promise((resolve) => setTimeout(resolve, 20))
      expect(feed.aborted).toBe(true)
    })
  } else
    it('a never-ending event stream resolves at its headers with the defaults; leaving the loop closes the socket', async () => {
      expect(await press('feed')).toBe('1,2,3 已取消')
      const feed = last('feed')
      for (let i = 0; i < 100 && !feed.aborted; i++) await new Promise((resolve) => setTimeout(resolve, 20))
      expect(feed.aborted).toBe(true)
    })

  it('retries through Taro.$functions with the retry feature turned on in config/index.ts alone', async () => {
    expect(await press('retry')).toBe('第3次成功')
    const key = last('fault').query.key
    const sent = context().gw.requests.filter(
      (request: any) => request.fn === 'fault' && request.query.key === key && request.method !== 'OPTIONS',
    )
    expect(sent).toHaveLength(3)
  })

  it('queues through Taro.$functions: at most 2 requests at the gateway, as config/index.ts says', async () => {
    const { gw } = context()
    gw.resetInFlight()
    expect(await press('queue')).toBe('5 个完成')
    expect(gw.load.maxInFlight).toBe(2)
  })

  if (throughRelay) {
    it('cancel ends the call at once; the cloud function’s request runs to its end (a callFunction cannot be cancelled)', async () => {
      expect(await press('cancel')).toMatch(/^出错了 ABORTED/)
      const slow = last('slow')
      for (let i = 0; i < 400 && slow.endSeq === undefined; i++) await new Promise((resolve) => setTimeout(resolve, 20))
      expect(slow.aborted).toBe(false)
    })
  } else
    it('cancels a call for real although the app’s interceptor dropped abort() from Taro’s promise', async () => {
      expect(await press('cancel')).toMatch(/^出错了 ABORTED/)
      const slow = last('slow')
      for (let i = 0; i < 100 && !slow.aborted; i++) await new Promise((resolve) => setTimeout(resolve, 20))
      expect(slow.aborted).toBe(true)
    })
}
