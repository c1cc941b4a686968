import { FunctionsRequestError } from '../src'
import { headerObject, setHeaders } from '../src/headers'

describe('setHeaders / headerObject', () => {
  it('later layers win whatever the casing, keeping the winner’s casing', () => {
    const map = setHeaders(setHeaders({}, { 'Content-Type': 'a', Authorization: 'Bearer x' }), {
      'content-type': 'b',
      AUTHORIZATION: 'Bearer y',
    })
    expect(headerObject(map)).toEqual({ 'content-type': 'b', AUTHORIZATION: 'Bearer y' })
  })

  it('skips undefined and null, stringifies numbers and booleans', () => {
    expect(headerObject(setHeaders({ a: ['A', '1'] }, { A: undefined, b: null, 'x-n': 5, 'x-b': false }))).toEqual({
      A: '1',
      'x-n': '5',
      'x-b': 'false',
    })
  })

  it('refuses headers that are not an object (a string would become headers "0", "1"…)', () => {
    expect(() => setHeaders({}, 'nope' as any)).toThrow('headers must be an object')
  })

  it('accepts no headers at all', () => {
    expect(setHeaders({}, undefined)).toEqual({})
    expect(setHeaders({}, null)).toEqual({})
  })

  it.each([
    [{ 'x-a': 'v\r\nInjected: 1' }],
    [{ 'x-a': 'v\nInjected: 1' }],
    [{ 'x-a': 'v\0' }],
    [{ 'bad name': 'v' }],
    [{ 'bad:name': 'v' }],
    [{ 'x-é': 'v' }],
    [{ '': 'v' }],
    [{ 'x-a': { toString: () => 'v' } }],
    [{ 'x-a': ['v'] }],
    [{ 'x-a': Symbol('v') }],
    [{ 'x-a': () => 'v' }],
  ])('rejects %p', (headers) => {
    expect(() => setHeaders({}, headers as any)).toThrow(FunctionsRequestError)
    expect(() => setHeaders({}, headers as any)).toThrow(/^Invalid header/)
  })
})
