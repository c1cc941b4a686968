import { decodeText, decodeUtf8, encodeUtf8 } from '../src/utf8'

// decodeUtf8 keeps a BOM (a stream may begin a chunk with U+FEFF); decodeText drops a leading one.
const native = new TextDecoder('utf-8', { ignoreBOM: true })
const utf8 = (text: string) => new TextEncoder().encode(text)

/** A seeded generator, so a failure can be replayed. */
function random(seed: number) {
  return () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648
}

describe('decodeUtf8 (no TextDecoder) decodes exactly as TextDecoder does', () => {
  it.each([
    ['ASCII', 'hello'],
    ['Chinese', '你好，世界！'],
    ['4-byte characters', '🌏😀𠀀'],
    ['mixed', 'a中🌏b\u0000\u007f\u0080\u07ff\u0800\uffff'],
    ['empty', ''],
  ])('%s', (_, text) => expect(decodeUtf8(utf8(text))).toBe(text))

  it('keeps a BOM', () => {
    expect(decodeUtf8(new Uint8Array([0xef, 0xbb, 0xbf, 0x61]))).toBe('\ufeffa')
  })

  const cases: Array<[string, number[]]> = [
    ['lone continuation byte', [0x80]],
    ['overlong 2-byte', [0xc0, 0xaf]],
    ['overlong 3-byte', [0xe0, 0x80, 0xaf]],
    ['surrogate', [0xed, 0xa0, 0x80]],
    ['past U+10FFFF', [0xf4, 0x90, 0x80, 0x80]],
    ['F5..FF', [0xf5, 0xff, 0x61]],
    ['truncated 3-byte then ASCII', [0xe4, 0xb8, 0x61]],
    ['truncated 4-byte at the end', [0xf0, 0x9f, 0x8c]],
    ['truncated 2-byte at the end', [0xc3]],
    ['two truncated in a row', [0xe4, 0xe4, 0xb8, 0xad]],
  ]
  it.each(cases)('%s', (_, bytes) => {
    const input = new Uint8Array(bytes)
    expect(decodeUtf8(input)).toBe(native.decode(input))
  })

  it('matches TextDecoder on 20,000 random byte strings biased to the edge cases', () => {
    const next = random(7)
    const edges = [
      0x00, 0x41, 0x7f, 0x80, 0x8f, 0x90, 0x9f, 0xa0, 0xbf, 0xc0, 0xc1, 0xc2, 0xdf, 0xe0, 0xe1, 0xec, 0xed, 0xee, 0xef, 0xf0, 0xf1, 0xf3,
      0xf4, 0xf5, 0xff,
    ]
    for (let n = 0; n < 20000; n++) {
      const input = new Uint8Array(Math.floor(next() * 10))
      for (let i = 0; i < input.length; i++) input[i] = next() < 0.85 ? edges[Math.floor(next() * edges.length)] : Math.floor(next() * 256)
      const ours = decodeUtf8(input)
      if (ours !== native.decode(input)) throw new Error(`differs for ${Array.from(input)}: ${JSON.stringify(ours)}`)
    }
  })

  it('matches TextDecoder on long mixed inputs, whatever falls on the 8192-byte block edges', () => {
    const next = random(13)
    const pieces = [
      utf8('a'),
      utf8('data: {"x":1}'),
      utf8('é'),
      utf8('中'),
      utf8('🌏'),
      [0x80],
      [0xe4, 0xb8],
      [0xf0, 0x9f],
      [0xed, 0xa0, 0x80],
      [0xff],
      [0xc0, 0xaf],
    ]
    for (let n = 0; n < 60; n++) {
      // Half of them ASCII up to just before the edge, so that a sequence (valid or not) straddles it.
      const bytes: number[] = n % 2 ? [] : Array(8188 + (n % 10)).fill(0x61)
      while (bytes.length < 8150 + n * 300) bytes.push(...pieces[Math.floor(next() * next() * pieces.length)])
      const input = new Uint8Array(bytes)
      const ours = decodeUtf8(input)
      if (ours !== native.decode(input)) throw new Error(`differs for input ${n} (${input.length} bytes)`)
    }
  })

  it('decodes a large body (7 MB of Chinese and emoji) intact', () => {
    const text = '你好，世界！🌏 mp-functions '.repeat(250000)
    expect(decodeUtf8(utf8(text))).toBe(text)
  })
})

describe('decodeText', () => {
  it('drops a leading BOM only, with and without TextDecoder', () => {
    const bom = [0xef, 0xbb, 0xbf]
    const saved = (globalThis as any).TextDecoder
    for (const decoder of [saved, undefined]) {
      ;(globalThis as any).TextDecoder = decoder
      try {
        expect(decodeText(new Uint8Array([...bom, 0x61]).buffer)).toBe('a')
        expect(decodeText(new Uint8Array([...bom, ...bom, 0x61]).buffer)).toBe('\ufeffa')
        expect(decodeText(new Uint8Array([0x61, ...bom]).buffer)).toBe('a\ufeff')
      } finally {
        ;(globalThis as any).TextDecoder = saved
      }
    }
  })

  it('uses TextDecoder where it exists and the fallback where it does not, with one result', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('中文'), 0xff])
    const withNative = decodeText(bytes.buffer)
    const saved = (globalThis as any).TextDecoder
    delete (globalThis as any).TextDecoder
    try {
      expect(decodeText(bytes.buffer)).toBe(withNative)
    } finally {
      ;(globalThis as any).TextDecoder = saved
    }
    expect(withNative).toBe('中文\ufffd')
  })
})

describe('encodeUtf8', () => {
  it('round-trips', () => {
    const text = 'a中🌏'
    expect(Array.from(new Uint8Array(encodeUtf8(text)))).toEqual(Array.from(utf8(text)))
  })
})
