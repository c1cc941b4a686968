import { createFunctions, FunctionsHookError, FunctionsRequestError, hooks, type FunctionsHooks } from '../src'
import { json, memoryTransport } from './helpers/memory-transport'

const url = 'https://abcd.supabase.co'

function setup(given: FunctionsHooks, respond: Parameters<typeof memoryTransport>[0] = () => json({ ok: 1 })) {
  const mock = memoryTransport(respond)
  const functions = createFunctions({ url, anonKey: 'k', transport: mock.transport, features: [hooks(given)] })
  return Object.assign(mock, { functions })
}

describe('hooks', () => {
  it('beforeRequest changes the name, headers and body; the caller’s options stay as they were', async () => {
    const options = { headers: { 'x-a': '1' }, body: { n: 1 } }
    const { functions, last } = setup({
      beforeRequest(call) {
        call.name = 'other'
        call.options.headers['x-trace'] = 't1'
        call.options.body = { n: 2 }
      },
    })
    await functions.invoke('hello', options)
    expect(last().url).toBe(`${url}/functions/v1/other`)
    expect(last().header).toMatchObject({ 'x-a': '1', 'x-trace': 't1' })
    expect(last().data).toBe('{"n":2}')
    expect(options).toEqual({ headers: { 'x-a': '1' }, body: { n: 1 } })
  })

  it('hooks may be async', async () => {
    const { functions, last } = setup({
      async beforeRequest(call) {
        await new Promise((resolve) => setTimeout(resolve, 10))
        call.options.headers.Authorization = 'Bearer from-hook'
      },
    })
    await functions.invoke('hello')
    expect(last().header.Authorization).toBe('Bearer from-hook')
  })

  it('beforeRequest can answer the call itself: nothing is sent, afterResponse still sees it', async () => {
    const after = jest.fn()
    const { functions, calls } = setup({ beforeRequest: () => ({ data: 'cached', error: null }), afterResponse: after })
    const result = await functions.invoke('hello')
    expect(result).toEqual({ data: 'cached', error: null })
    expect(calls).toHaveLength(0)
    expect(after).toHaveBeenCalledWith(expect.objectContaining({ name: 'hello' }), { data: 'cached', error: null })
  })

  it('afterResponse sees every result, errors too, and may replace it', async () => {
    const seen: unknown[] = []
    const { functions } = setup(
      {
        afterResponse(call, result) {
          seen.push(result.error && result.error.code)
          if (result.error) return { data: 'fallback', error: null }
        },
      },
      () => json({}, 500),
    )
    expect(await functions.invoke('hello')).toEqual({ data: 'fallback', error: null })
    expect(seen).toEqual(['HTTP_ERROR'])
  })

  it('onError observes failures, never successes', async () => {
    const onError = jest.fn()
    let fail = true
    const { functions } = setup({ onError }, () => (fail ? json({}, 503) : json({})))
    const failed = await functions.invoke('hello')
    expect(onError).toHaveBeenCalledTimes(1)
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ name: 'hello' }), failed.error)
    fail = false
    await functions.invoke('hello')
    expect(onError).toHaveBeenCalledTimes(1)
  })

  it.each([
    ['beforeRequest', { beforeRequest: () => Promise.reject(new Error('no token')) }, 0],
    [
      'afterResponse',
      {
        afterResponse: () => {
          throw new Error('bad')
        },
      },
      1,
    ],
    [
      'onError',
      {
        onError: () => {
          throw 'plain string'
        },
      },
      1,
    ],
  ] as Array<[string, FunctionsHooks, number]>)('%s failing becomes a typed HOOK_ERROR, never a rejection', async (hook, hooks, sent) => {
    const { functions, calls } = setup(hooks, () => json({}, 500))
    const result = await functions.invoke('hello')
    expect(result.data).toBeNull()
    expect(result.error).toBeInstanceOf(FunctionsHookError)
    expect(result.error!.code).toBe('HOOK_ERROR')
    expect(result.error!.message).toMatch(new RegExp(`^The ${hook} hook failed: (no token|bad|plain string)$`))
    expect(calls).toHaveLength(sent)
    if (sent) expect(result.response!.status).toBe(500)
  })

  it('a failed beforeRequest still reaches afterResponse (a loading indicator always closes)', async () => {
    const after = jest.fn()
    const { functions } = setup({
      beforeRequest() {
        throw new Error('x')
      },
      afterResponse: after,
    })
    await functions.invoke('hello')
    expect(after).toHaveBeenCalledTimes(1)
  })

  it('one hooks() per client: a second is refused with what to do, and nothing is sent', async () => {
    const mock = memoryTransport(() => json({}))
    const functions = createFunctions({ url, anonKey: 'k', transport: mock.transport, features: [hooks({}), hooks({})] })
    const { error } = await functions.invoke('hello')
    expect(error).toBeInstanceOf(FunctionsRequestError)
    expect(error!.message).toBe('createFunctions: features: hooks is given twice')
    expect(mock.calls).toHaveLength(0)
  })

  it('setAuth reaches the client', async () => {
    const { functions, last } = setup({})
    functions.setAuth('user-token')
    await functions.invoke('hello')
    expect(last().header.Authorization).toBe('Bearer user-token')
  })

  it('the README’s loading recipe: one indicator for concurrent calls, closed after the last', async () => {
    const ui: string[] = []
    const Taro = { showLoading: (o: { title: string }) => ui.push('show ' + o.title), hideLoading: () => ui.push('hide') }
    let pending = 0
    const { functions } = setup(
      {
        beforeRequest() {
          if (pending++ == 0) Taro.showLoading({ title: '加载中' })
        },
        afterResponse() {
          if (--pending == 0) Taro.hideLoading()
        },
      },
      (request) => new Promise((resolve) => setTimeout(() => resolve(request.url.endsWith('fail') ? json({}, 500) : json({})), 20)),
    )
    await Promise.all([functions.invoke('a'), functions.invoke('fail'), functions.invoke('c')])
    expect(ui).toEqual(['show 加载中', 'hide'])
  })
})

describe('hooks from plain JS', () => {
  it('a hook returning something that is not a result changes nothing', async () => {
    const { functions, calls } = setup({ beforeRequest: (() => true) as any, afterResponse: (() => 'done') as any })
    const result = await functions.invoke('hello')
    expect(calls).toHaveLength(1)
    expect(result.data).toEqual({ ok: 1 })
    expect(result.error).toBeNull()
  })
})
