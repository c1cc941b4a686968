// The request-hook pages of demo-taro and demo-uniapp (chat, form, list: useInvoke / useInvokeStream), asserted on what
// the page shows and on what the gateway received. Run against each real build by the tests in test/e2e.

export interface HookPage {
  tap(id: string): unknown
  text(id: string): Promise<string>
  /** Every text the element showed since the page opened, in order (recorded as the page renders). */
  shown(id: string): Promise<string[]>
  /** Leaves the page as a user does (its back button; navigateBack): the page unloads. */
  leave(): Promise<unknown>
}

export interface HookDriver {
  /** Opens `chat`, `form` or `list` as a user does from the index page. */
  open(name: 'chat' | 'form' | 'list'): Promise<HookPage>
  /** Whether the platform's toast showed `title` (the hooks' `errorToast`). */
  toastShown(title: string): Promise<boolean>
}

/** The elements whose every text `shown()` records. */
export const RECORDED_IDS = ['chat-count', 'chat-state', 'form-state', 'form-fail-state', 'list-state', 'list-items']

/** Polls `read` until `done` holds, returning each distinct value it showed on the way. */
export async function watch(read: () => Promise<string>, done: (text: string) => boolean, ms = 15000): Promise<string[]> {
  const seen: string[] = []
  const end = Date.now() + ms
  for (;;) {
    const text = await read()
    if (seen[seen.length - 1] !== text) seen.push(text)
    if (done(text)) return seen
    if (Date.now() > end) throw new Error('not shown in time; seen: ' + JSON.stringify(seen))
    await new Promise((resolve) => setTimeout(resolve, 5))
  }
}

export function hookFlows(context: () => { gw: any; driver: HookDriver }) {
  const calls = (fn: string) => context().gw.requests.filter((request: any) => request.fn === fn && request.method !== 'OPTIONS')
  const until = (check: () => boolean) =>
    watch(
      async () => String(check()),
      (text) => text === 'true',
    )

  /** Opens a page, runs `steps` on it, and leaves it even when a step fails, so the next flow starts from the index. */
  const onPage = async (name: 'chat' | 'form' | 'list', steps: (page: HookPage) => Promise<void>) => {
    const page = await context().driver.open(name)
    let left = false
    try {
      const leave = () => {
        left = true
        return page.leave()
      }
      await steps(Object.assign({}, page, { leave }))
    } finally {
      if (!left) await page.leave()
    }
  }

  it('chat (useInvokeStream): the answer shows event by event as the gateway writes it; leaving mid-answer aborts the request', () =>
    onPage('chat', async (chat) => {
      const before = calls('sse').length
      await chat.tap('chat-send')
      await watch(
        () => chat.text('chat-state'),
        (text) => text === '完成',
      )
      // Six messages and the closing event, written 300 ms apart, shown as they came: the count only grows,
      // ends at 7, and went through at least five states on the way (a loaded machine may deliver two
      // events in one read, and the page then renders them in one frame).
      const counts = (await chat.shown('chat-count')).filter((count) => count !== '0').map(Number)
      expect(counts[counts.length - 1]).toBe(7)
      expect(counts.every((count, index) => index == 0 || count > counts[index - 1])).toBe(true)
      expect(counts.length).toBeGreaterThanOrEqual(5)
      // One line per message (uni-app's H5 <text> renders the line breaks as elements: compared without them).
      const answer = [1, 2, 3, 4, 5, 6].map((i) => `第${i}条消息：你好`)
      expect((await chat.text('chat-text')).replace(/\s+/g, '')).toBe(answer.join(''))
      expect(calls('sse')).toHaveLength(before + 1)
      // Asked again, and the page left while the answer is being written.
      await chat.tap('chat-send')
      await watch(
        () => chat.text('chat-count'),
        (text) => Number(text) >= 2 && Number(text) < 7,
      )
      await chat.leave()
      await until(() => calls('sse').length === before + 2 && calls('sse')[before + 1].aborted === true)
      // Its slot is free again: nothing is left in flight at the gateway.
      await until(() => context().gw.load.inFlight === 0)
    }))

  it('form (useInvoke, immediate: false): nothing sent until submitted; loading, then the answer; the failing call shows its error', () =>
    onPage('form', async (form) => {
      const before = calls('hello').length
      await new Promise((resolve) => setTimeout(resolve, 100))
      expect(calls('hello')).toHaveLength(before)
      await form.tap('form-submit')
      await watch(
        () => form.text('form-state'),
        (text) => text === 'Hello 表单!',
      )
      expect(await form.shown('form-state')).toEqual(expect.arrayContaining(['提交中…', 'Hello 表单!']))
      await form.tap('form-fail')
      expect(
        await watch(
          () => form.text('form-fail-state'),
          (text) => text.startsWith('出错了'),
        ),
      ).toContain('出错了 HTTP_ERROR')
      // The hook's errorToast, through the platform's own showToast.
      expect(await context().driver.toastShown('提交失败：HTTP_ERROR')).toBe(true)
    }))

  it('list (cache): a newer page wins (the older request aborted, never shown); opened again, it shows its page at once and refreshes behind it; leaving mid-refresh aborts it', async () => {
    let answeredAt = ''
    await onPage('list', async (first) => {
      const items = await watch(
        () => first.text('list-items'),
        (text) => text !== '',
      )
      expect(items[items.length - 1]).toBe('第1条,第2条,第3条,第4条,第5条')
      answeredAt = await first.text('list-at')
      // Page 2 asked for, then page 3 before page 2 answered: page 2's request is aborted, its answer never shows.
      const sent = calls('list').length
      await first.tap('list-next')
      await until(() => calls('list').length === sent + 1)
      await first.tap('list-next')
      await watch(
        () => first.text('list-items'),
        (text) => text.startsWith('第11条'),
      )
      expect(calls('list').map((request: any) => request.query.page)).toEqual(expect.arrayContaining(['2', '3']))
      expect(calls('list').find((request: any) => request.query.page === '2').aborted).toBe(true)
      expect((await first.shown('list-items')).filter((text) => text.startsWith('第6条'))).toEqual([])
    })
    const before = calls('list').length
    await onPage('list', async (again) => {
      // The cached page is on screen while the refresh (800 ms at the gateway) is still running.
      await until(() => calls('list').length === before + 1)
      expect(await again.text('list-items')).toBe('第1条,第2条,第3条,第4条,第5条')
      expect(await again.text('list-at')).toBe(answeredAt)
      expect(await again.text('list-state')).toBe('刷新中…')
      expect(calls('list')[before].aborted).toBe(false)
      await again.leave()
      await until(() => calls('list')[before].aborted === true)
    })
  })
}

/**
 * Resolves once the page shows its back button's label. A page whose label is static text in its template
 * (uni-app's) has nothing to wait for: reading it throws, and it is ready.
 */
async function rendered(label: () => string, ms = 10000) {
  const end = Date.now() + ms
  for (;;) {
    try {
      if (label()) return
    } catch {
      return
    }
    if (Date.now() > end) throw new Error('the page did not render')
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
}

/**
 * The hooks' pages of a build run under Node (test/helpers/mini-program-app.js): opened as navigateTo
 * opens them (the index page hidden meanwhile) and closed with onUnload; every text the page showed is
 * read after each setData, as WeChat renders each one.
 */
export function miniProgramHookDriver(program: any, index: any, route: (name: string) => string, wx: any): HookDriver {
  return {
    // The app's wx records each UI call.
    toastShown: async (title) => wx.__ui.some((entry: any) => entry.api == 'showToast' && entry.options.title == title),
    async open(name) {
      index.hide()
      const opened = program.openPage(route(name))
      await rendered(() => opened.text(`${name}-back`))
      const shown: Record<string, string[]> = {}
      const setData = opened.instance.setData
      opened.instance.setData = (patch: object, callback?: () => void) => {
        setData.call(opened.instance, patch, callback)
        for (const id of RECORDED_IDS.filter((recorded) => recorded.startsWith(name))) {
          const text = opened.text(id)
          const list = (shown[id] = shown[id] || [])
          if (list[list.length - 1] !== text) list.push(text)
        }
      }
      return {
        tap: (id) => opened.tap(id),
        text: async (id) => opened.text(id),
        shown: async (id) => shown[id] || [],
        leave: async () => {
          opened.unload()
          index.show()
        },
      }
    },
  }
}

/**
 * The hooks' pages of an H5 build in Chromium (a Playwright page on the index page): reached with the
 * index page's `#nav-<name>` buttons, left with their back buttons (navigateBack); every text the page
 * showed is recorded by a MutationObserver as the browser renders it.
 */
export function browserHookDriver(page: any): HookDriver {
  return {
    toastShown: (title) =>
      page
        .waitForFunction((text: string) => (document.body.textContent || '').includes(text), title, { timeout: 3000 })
        .then(
          () => true,
          () => false,
        ),
    async open(name) {
      await page.click(`#nav-${name}`)
      await page.waitForSelector(`#${name}-back`, { state: 'visible' })
      await page.evaluate((ids: string[]) => {
        const shown: Record<string, string[]> = ((window as any).__hookShown = {})
        const record = () => {
          for (const id of ids) {
            const element = document.getElementById(id)
            if (!element) continue
            const list = (shown[id] = shown[id] || [])
            const text = (element.textContent || '').trim()
            if (list[list.length - 1] !== text) list.push(text)
          }
        }
        record()
        new MutationObserver(record).observe(document.body, { subtree: true, childList: true, characterData: true })
      }, RECORDED_IDS)
      return {
        tap: (id) => page.click(`#${id}`),
        text: async (id) => ((await page.textContent(`#${id}`)) || '').trim(),
        shown: async (id) => page.evaluate((which: string) => (window as any).__hookShown[which] || [], id),
        leave: async () => {
          await page.click(`#${name}-back`)
          await page.waitForSelector(`#${name}-back`, { state: 'detached' })
        },
      }
    },
  }
}
