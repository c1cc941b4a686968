import { createSseParser, type ServerSentEvent } from '../src/stream/sse-parser'
import { createPureUtf8Decoder, createUtf8Decoder } from '../src/stream/utf8-decoder'

const encoder = new TextEncoder()
const native = (bytes: Uint8Array) => new TextDecoder().decode(bytes)

function decodeInPieces(make: typeof createUtf8Decoder, bytes: Uint8Array, cuts: number[]): string {
  const decoder = make()
  let out = ''
  let from = 0
  for (const cut of cuts.concat(bytes.length)) {
    out += decoder.write(bytes.slice(from, cut).buffer)
    from = cut
  }
  return out + decoder.end()
}

describe.each([
  ['pure JS', createPureUtf8Decoder],
  ['TextDecoder', createUtf8Decoder],
])('streaming UTF-8 decoder (%s)', (_, make) => {
  const text = '\ufeffa中é🌏b你好\u0800\uffff𠀀'
  const bytes = encoder.encode(text)

  it('gives the same text at every split point (also every pair of split points)', () => {
    const whole = native(bytes)
    for (let i = 0; i <= bytes.length; i++) {
      expect(decodeInPieces(make, bytes, [i])).toBe(whole)
      for (let j = i; j <= bytes.length; j++) expect(decodeInPieces(make, bytes, [i, j])).toBe(whole)
    }
  })

  it('byte by byte', () => {
    expect(decodeInPieces(make, bytes, Array.from(bytes.keys()).slice(1))).toBe(native(bytes))
  })

  it('matches TextDecoder on random bytes cut at random places', () => {
    let seed = 11
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648
    const edges = [0x41, 0x80, 0x9f, 0xa0, 0xbf, 0xc0, 0xc2, 0xdf, 0xe0, 0xe4, 0xed, 0xef, 0xf0, 0xf4, 0xf5, 0xff, 0xbb]
    for (let n = 0; n < 3000; n++) {
      const input = new Uint8Array(Math.floor(next() * 12))
      for (let i = 0; i < input.length; i++) input[i] = edges[Math.floor(next() * edges.length)]
      const cuts = [Math.floor(next() * input.length), Math.floor(next() * input.length)].sort((a, b) => a - b)
      const ours = decodeInPieces(make, input, cuts)
      if (ours !== native(input)) throw new Error(`differs for ${Array.from(input)} cut at ${cuts}: ${JSON.stringify(ours)}`)
    }
  })

  it('ends an unfinished character as U+FFFD', () => {
    const decoder = make()
    expect(decoder.write(new Uint8Array([0x61, 0xe4, 0xb8]).buffer)).toBe('a')
    expect(decoder.end()).toBe('\ufffd')
  })

  it('drops a BOM at the start of the stream only, even split', () => {
    expect(decodeInPieces(make, new Uint8Array([0xef, 0xbb, 0xbf, 0x61, 0xef, 0xbb, 0xbf]), [1, 2, 5])).toBe('a\ufeff')
  })
})

function parse(pieces: string[]): ServerSentEvent[] {
  const events: ServerSentEvent[] = []
  const feed = createSseParser((event) => events.push(event))
  pieces.forEach(feed)
  return events
}

describe('SSE parser (WHATWG rules)', () => {
  it.each([
    ['LF', 'data: a\n\ndata: b\n\n'],
    ['CRLF', 'data: a\r\n\r\ndata: b\r\n\r\n'],
    ['CR', 'data: a\r\rdata: b\r\r'],
    ['mixed', 'data: a\r\n\ndata: b\r\r\n'],
  ])('line endings: %s', (_, text) => {
    expect(parse([text]).map((e) => e.data)).toEqual(['a', 'b'])
  })

  it('a CRLF split between two pieces is one line end', () => {
    expect(parse(['data: a\r', '\n\r', '\ndata: b\r\n\r\n']).map((e) => e.data)).toEqual(['a', 'b'])
    expect(parse(['data: a\r', '', '\n', '\r\n']).map((e) => e.data)).toEqual(['a'])
  })

  it('fields: event, multi-line data, id that carries over, retry, comments, no space after the colon', () => {
    const events = parse([': comment\nevent: add\nid: 7\nretry: 3000\ndata: one\ndata:two\ndata:  three\n\ndata: next\n\n'])
    expect(events).toEqual([
      { event: 'add', data: 'one\ntwo\n three', id: '7', retry: 3000 },
      { event: 'message', data: 'next', id: '7' },
    ])
  })

  it('ignores an invalid retry, an id with NUL, and unknown fields', () => {
    expect(parse(['retry: 1s\nid: a\0b\nfoo: bar\ndata: x\n\n'])).toEqual([{ event: 'message', data: 'x', id: '' }])
  })

  it('a field without a colon has an empty value; an event without data is not dispatched', () => {
    expect(parse(['data\n\nevent: ping\n\n'])).toEqual([{ event: 'message', data: '', id: '' }])
  })

  it('the event type does not leak into the next event', () => {
    expect(parse(['event: a\ndata: 1\n\ndata: 2\n\n']).map((e) => e.event)).toEqual(['a', 'message'])
  })

  it('drops an unfinished event at the end of the stream', () => {
    expect(parse(['data: done\n\ndata: cut off'])).toEqual([{ event: 'message', data: 'done', id: '' }])
  })

  it('several events in one piece, one event in many pieces: every split point gives the same events', () => {
    const text = ': hi\r\nevent: 更新\r\nid: 1\r\ndata: 第一行\r\ndata: 第二行\r\n\r\ndata: {"a":1}\n\nevent: done\rdata: [DONE]\r\r'
    const whole = parse([text])
    expect(whole).toHaveLength(3)
    for (let i = 0; i <= text.length; i++) {
      for (let j = i; j <= text.length; j += 3) expect(parse([text.slice(0, i), text.slice(i, j), text.slice(j)])).toEqual(whole)
    }
  })
})
