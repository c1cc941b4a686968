import { FunctionsRequestError } from '../src'
import { functionUrl, originOf, withQuery } from '../src/url'

const base = 'https://abcd.supabase.co/functions/v1'

describe('originOf', () => {
  it.each([
    ['https://abcd.supabase.co', 'https://abcd.supabase.co'],
    ['HTTPS://ABCD.Supabase.CO/functions/v1?x=1', 'https://abcd.supabase.co'],
    ['https://a.com:443/x', 'https://a.com'],
    ['http://a.com:80', 'http://a.com'],
    ['http://a.com:443', 'http://a.com:443'],
    ['https://a.com:80', 'https://a.com:80'],
    ['http://127.0.0.1:54321/functions/v1', 'http://127.0.0.1:54321'],
    ['https://functions1.memfiredb.com/abc/fn#x', 'https://functions1.memfiredb.com'],
  ])('%s → %s', (url, origin) => expect(originOf(url)).toBe(origin))

  it.each([
    'ftp://a.com',
    'javascript:alert(1)',
    'file:///etc/passwd',
    '//a.com/x',
    'https://',
    // Hosts that URL parsers read differently are never trusted.
    'https://trusted.com@evil.com/',
    'https://evil.com\\@trusted.com/',
    'https://evil.com trusted.com/',
    'https://a.com\n.evil/',
    '',
    undefined,
    42,
  ])('%p is not an origin', (url) => expect(originOf(url)).toBeUndefined())
})

describe('functionUrl', () => {
  it.each([
    ['hello', `${base}/hello`],
    ['hello?a=1&b=2', `${base}/hello?a=1&b=2`],
    ['fn/sub/path', `${base}/fn/sub/path`],
    ['/hello', `${base}/hello`],
    ['//hello', `${base}/hello`],
    ['hello#frag', `${base}/hello`],
    ['hello world', `${base}/hello%20world`],
    ['你好', `${base}/%E4%BD%A0%E5%A5%BD`],
    ['emoji🌏', `${base}/emoji%F0%9F%8C%8F`],
    ['a%20b', `${base}/a%20b`],
    ['q?name=世界', `${base}/q?name=%E4%B8%96%E7%95%8C`],
    ['x"<>`{|}^\\', `${base}/x%22%3C%3E%60%7B%7C%7D%5E%5C`],
    ['https://functions1.memfiredb.com/abc/fn?action=pay', 'https://functions1.memfiredb.com/abc/fn?action=pay'],
    ['HTTP://127.0.0.1:1/x', 'HTTP://127.0.0.1:1/x'],
    // Not a scheme we call: stays a path on the trusted functions host.
    ['javascript:alert(1)', `${base}/javascript:alert(1)`],
    ['..hidden', `${base}/..hidden`],
    ['a..b/c', `${base}/a..b/c`],
  ])('%p → %s', (name, url) => expect(functionUrl(base, name)).toBe(url))

  it.each([
    '',
    '   ',
    '../auth/v1/admin',
    'fn/../../auth',
    'fn/./x',
    'fn/..',
    '%2e%2e/auth',
    'fn/%2E%2e?x',
    'https://a.com/x/../y',
    '\ud800',
    undefined,
    null,
    42,
    {},
  ])('%p is an invalid function name', (name) => {
    expect(() => functionUrl(base, name)).toThrow(FunctionsRequestError)
    expect(() => functionUrl(base, name)).toThrow(/^Invalid function name/)
  })

  it('dots in the query are not path segments', () => {
    expect(functionUrl(base, 'fn?path=../x')).toBe(`${base}/fn?path=../x`)
  })

  it('adds forceFunctionRegion to the query, after any the name has', () => {
    expect(withQuery(functionUrl(base, 'fn'), 'us-east-1')).toBe(`${base}/fn?forceFunctionRegion=us-east-1`)
    expect(withQuery(functionUrl(base, 'fn?a=1'), 'eu-west-1')).toBe(`${base}/fn?a=1&forceFunctionRegion=eu-west-1`)
    expect(withQuery(functionUrl(base, 'fn'), 'a b&c')).toBe(`${base}/fn?forceFunctionRegion=a%20b%26c`)
  })
})

describe('withQuery', () => {
  it.each([
    [{ page: 2, q: '中文', draft: false }, '?page=2&q=%E4%B8%AD%E6%96%87&draft=false'],
    [
      { 'a&b': 'c=d', hash: '#x', space: 'a b', plus: '1+1', slash: 'x/y?z' },
      '?a%26b=c%3Dd&hash=%23x&space=a%20b&plus=1%2B1&slash=x%2Fy%3Fz',
    ],
    [{ tag: ['a', 'b', null, 3], none: [] }, '?tag=a&tag=b&tag=3'],
    [{ skipped: undefined, alsoSkipped: null, zero: 0, empty: '' }, '?zero=0&empty='],
    [{ 键: '值🌏' }, '?%E9%94%AE=%E5%80%BC%F0%9F%8C%8F'],
    // Not in the types, but a bigint's digits are what anyone would mean.
    [{ big: BigInt(12) }, '?big=12'],
    [{}, ''],
    [undefined, ''],
    [null, ''],
  ])('%p → %s', (query, search) => expect(withQuery(functionUrl(base, 'fn'), undefined, query as any)).toBe(`${base}/fn${search}`))

  it('comes after the query in the name, then the region, which wins over a parameter of its name', () => {
    expect(withQuery(functionUrl(base, 'fn?a=1#frag'), 'eu-west-1', { b: 2 })).toBe(`${base}/fn?a=1&b=2&forceFunctionRegion=eu-west-1`)
    expect(withQuery(functionUrl(base, 'fn'), 'eu-west-1', { forceFunctionRegion: 'us-east-1', x: 1 })).toBe(
      `${base}/fn?forceFunctionRegion=eu-west-1&x=1`,
    )
    expect(withQuery(functionUrl(base, 'fn'), undefined, { forceFunctionRegion: 'us-east-1' })).toBe(
      `${base}/fn?forceFunctionRegion=us-east-1`,
    )
    expect(withQuery(functionUrl(base, 'https://functions1.memfiredb.com/abc/fn?action=pay'), undefined, { id: 7 })).toBe(
      'https://functions1.memfiredb.com/abc/fn?action=pay&id=7',
    )
  })

  it.each([
    [{ filter: { a: 1 } }, 'Invalid query "filter"'],
    [{ page: NaN }, 'Invalid query "page"'],
    [{ page: -Infinity }, 'Invalid query "page"'],
    [{ fn: () => 1 }, 'Invalid query "fn"'],
    [{ nested: [[1]] }, 'Invalid query "nested"'],
    [{ s: Symbol('x') }, 'Invalid query "s"'],
    [{ lone: '\ud800' }, 'Invalid query "lone"'],
    [{ when: new Date(0) }, 'Invalid query "when"'],
    ['page=2', 'query must be an object'],
    [42, 'query must be an object'],
  ])('%p is an invalid query', (query, message) => {
    expect(() => withQuery(functionUrl(base, 'fn'), undefined, query as any)).toThrow(FunctionsRequestError)
    expect(() => withQuery(functionUrl(base, 'fn'), undefined, query as any)).toThrow(message)
  })
})

describe('functionUrl never lets control characters through', () => {
  it.each(['a\r\nHost: evil', 'a\tb', 'a\u0000b', 'https://abcd.supabase.co/x\r\nX-Evil: 1'])('%p is percent-encoded', (name) => {
    expect(functionUrl(base, name)).not.toMatch(/[\0-\x20\x7f]/)
  })
})
