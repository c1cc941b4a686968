import { createFunctions, hooks, queue, retry, type Feature, FunctionsRequestError, type TransportOptions } from '../src'
import { json, memoryTransport } from './helpers/memory-transport'

const url = 'https://abcd.supabase.co'

/** Every order of a list. */
function orders<T>(items: T[]): T[][] {
  if (items.length <= 1) return [items]
  return items.flatMap((item, i) => orders(items.filter((_, j) => j != i)).map((rest) => [item, ...rest]))
}

/** What a client with the features in this order does with 4 calls at once: each one's first attempt fails, the second succeeds. */
async function trace(order: string[]) {
  const seen: string[] = []
  const named: Record<string, Feature> = {
    retry: retry({ delay: 1 }),
    queue: queue({ maxConcurrent: 2 }),
    hooks: hooks({
      beforeRequest: (call) => void seen.push('before ' + call.name),
      afterResponse: (call, result) => void seen.push(`after ${call.name} ${result.error ? 'error' : 'ok'}`),
    }),
  }
  let open = 0
  let mostOpen = 0
  const tries: Record<string, number> = {}
  const mock = memoryTransport(
    (request: TransportOptions) =>
      new Promise((resolve) => {
        const name = request.url.split('/').pop() as string
        tries[name] = (tries[name] || 0) + 1
        mostOpen = Math.max(mostOpen, ++open)
        setTimeout(() => {
          open--
          resolve(tries[name] == 1 ? { fail: new Error('reset'), code: 'NETWORK_ERROR' } : json({ name }))
        }, 5)
      }),
  )
  const functions = createFunctions({ url, anonKey: 'k', transport: mock.transport, features: order.map((name) => named[name]) })
  const results = await Promise.all(['a', 'b', 'c', 'd'].map((name) => functions.invoke(name, { method: 'GET' })))
  const outcomes = results.map(({ data, error, response }) => ({
    data,
    error,
    attempts: response && response.headers.get('x-retry-attempts'),
  }))
  return { outcomes, mostOpen, sent: mock.calls.length, seen }
}

describe('features: the client puts them in their one order', () => {
  it.each(orders(['retry', 'queue', 'hooks']).map((order) => [order.join(', '), order]))('%s: the same behaviour', async (_, order) => {
    const { outcomes, mostOpen, sent, seen } = await trace(order as string[])
    // Retried below the hooks: each call seen once by each hook, and once it succeeded.
    expect(outcomes).toEqual(['a', 'b', 'c', 'd'].map((name) => ({ data: { name }, error: null, attempts: '2' })))
    // The queue is below the retries: never more than 2 on the wire, retries included.
    expect(mostOpen).toBe(2)
    expect(sent).toBe(8)
    expect(seen.filter((line) => line.startsWith('before')).sort()).toEqual(['before a', 'before b', 'before c', 'before d'])
    expect(seen.filter((line) => line.startsWith('after')).sort()).toEqual(['after a ok', 'after b ok', 'after c ok', 'after d ok'])
  })
})

describe('features: wrong ones are refused with what to change, and nothing is sent', () => {
  it.each([
    ['not an array', { retry: true }, /^createFunctions: features must be an array: features: \[retry\(\), queue\(\)\]$/],
    ['a plain object', [{ name: 'retry' }], /each one must be made by a feature function such as retry\(\), queue\(\) or hooks\(\)/],
    ['a function (not called)', [retry], /each one must be made by a feature function/],
    ['the same feature twice', [retry(), queue(), retry({ attempts: 5 })], /^createFunctions: features: retry is given twice$/],
  ])('%s', async (_, features, message) => {
    const mock = memoryTransport(() => json({}))
    const functions = createFunctions({ url, anonKey: 'k', transport: mock.transport, features: features as never })
    const { data, error } = await functions.invoke('x')
    expect(data).toBeNull()
    expect(error).toBeInstanceOf(FunctionsRequestError)
    expect(error!.message).toMatch(message)
    expect(mock.calls).toHaveLength(0)
  })

  it('a call’s retry on a client without the retry feature', async () => {
    const mock = memoryTransport(() => json({}))
    const functions = createFunctions({ url, anonKey: 'k', transport: mock.transport })
    const { error } = await functions.invoke('x', { retry: { attempts: 3 } })
    expect(error).toBeInstanceOf(FunctionsRequestError)
    expect(error!.message).toBe(
      'retry: this client has no retry feature: add retry() to its features (createFunctions, app.use, or config/index.ts in Taro)',
    )
    expect(mock.calls).toHaveLength(0)
    // retry: false asks for nothing the client lacks.
    expect((await functions.invoke('x', { retry: false })).error).toBeNull()
  })

  it.each([['yes'], [1], [{ idleTimeout: -1 }], [{ idleTimeout: 1.5 }]])('stream: %p', async (stream) => {
    const mock = memoryTransport(() => json({}))
    const functions = createFunctions({ url, anonKey: 'k', transport: mock.transport })
    const { error } = await functions.invoke('x', { stream: stream as never })
    expect(error).toBeInstanceOf(FunctionsRequestError)
    expect(error!.message).toBe('stream must be true, false or { idleTimeout: 0 to 2147483647 ms }')
    expect(mock.calls).toHaveLength(0)
  })
})
