import { FunctionsRequestError } from '../src'
import { encodeBody } from '../src/body'

const bytes = (buffer: unknown) => Array.from(new Uint8Array(buffer as ArrayBuffer))

describe('encodeBody', () => {
  it.each([
    [{ a: 1, 中: '文' }, '{"a":1,"中":"文"}', 'application/json'],
    [[1, 'x'], '[1,"x"]', 'application/json'],
    [0, '0', 'application/json'],
    [42.5, '42.5', 'application/json'],
    [false, 'false', 'application/json'],
    [true, 'true', 'application/json'],
    [new Date(0), '"1970-01-01T00:00:00.000Z"', 'application/json'],
    ['hello 世界', 'hello 世界', 'text/plain'],
    ['', '', 'text/plain'],
  ])('%p → %p as %s', (body, data, type) => {
    expect(encodeBody(body)).toEqual({ data, type })
  })

  it('undefined and null send nothing and imply no Content-Type', () => {
    expect(encodeBody(undefined)).toEqual({})
    expect(encodeBody(null)).toEqual({})
  })

  it('ArrayBuffer goes as is, as octet-stream', () => {
    const buffer = new Uint8Array([1, 2, 3]).buffer
    expect(encodeBody(buffer)).toEqual({ data: buffer, type: 'application/octet-stream' })
  })

  it('TypedArrays and DataViews go as their own bytes (functions-js sends {"0":…} JSON)', () => {
    const backing = new Uint8Array([9, 9, 1, 2, 3, 9]).buffer
    for (const view of [new Uint8Array(backing, 2, 3), new DataView(backing, 2, 3), new Int8Array(backing, 2, 3)]) {
      const encoded = encodeBody(view)
      expect(encoded.type).toBe('application/octet-stream')
      expect(bytes(encoded.data)).toEqual([1, 2, 3])
    }
    expect(bytes(encodeBody(new Uint16Array([0x0201])).data)).toEqual([1, 2])
  })

  it('Blob goes to the transport untouched, typed by blob.type or octet-stream', () => {
    const typed = new Blob(['x'], { type: 'image/png' })
    expect(encodeBody(typed)).toEqual({ data: typed, type: 'image/png' })
    const plain = new Blob(['x'])
    expect(encodeBody(plain)).toEqual({ data: plain, type: 'application/octet-stream' })
  })

  it('FormData goes untouched with no Content-Type, so the platform adds the boundary', () => {
    const form = new FormData()
    form.append('a', '1')
    expect(encodeBody(form)).toEqual({ data: form })
  })

  it.each([
    ['a function', () => 1, /function/],
    ['a symbol', Symbol('x'), /symbol/],
    ['a BigInt', BigInt(1), /bigint/],
    ['a Map', new Map([[1, 2]]), /Map/],
    ['a Set', new Set([1]), /Set/],
    ['URLSearchParams', new URLSearchParams('a=1'), /URLSearchParams/],
    ['a ReadableStream', new ReadableStream(), /ReadableStream/],
  ])('rejects %s instead of sending "{}" or nothing', (_, body, message) => {
    expect(() => encodeBody(body)).toThrow(FunctionsRequestError)
    expect(() => encodeBody(body)).toThrow(message)
  })

  it('rejects bodies JSON cannot serialize, saying why', () => {
    const circular: any = { a: 1 }
    circular.self = circular
    expect(() => encodeBody(circular)).toThrow(/not JSON-serializable: .*circular/i)
    expect(() => encodeBody({ n: BigInt(1) })).toThrow(/not JSON-serializable: .*BigInt/i)
    expect(() =>
      encodeBody({
        toJSON: () => {
          throw new Error('nope')
        },
      }),
    ).toThrow(/not JSON-serializable: nope/)
  })
})
