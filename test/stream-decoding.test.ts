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

  it('matches TextDecoder on a long stream of Chinese, emoji and bad bytes in network-sized pieces', () => {
    let seed = 5
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648
    const pieces = [
      encoder.encode('data: {"i":1}\n\n'),
      encoder.encode('第一段：模型'),
      encoder.encode('🌏'),
      encoder.encode('é'),
      [0xff],
      [0xe4, 0xb8],
      [0x80],
    ]
    const bytes: number[] = []
    while (bytes.length < 200000) bytes.push(...pieces[Math.floor(next() * pieces.length)])
    const input = new Uint8Array(bytes)
    const cuts: number[] = []
    for (let at = Math.floor(next() * 16384); at < input.length; at += 1 + Math.floor(next() * 16384)) cuts.push(at)
    expect(decodeInPieces(make, input, cuts) === native(input)).toBe(true)
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

/** The spec's algorithm as plainly as it reads, on the whole text: the reference for the random test. */
function reference(text: string): ServerSentEvent[] {
  const events: ServerSentEvent[] = []
  let data = ''
  let type = ''
  let id = ''
  let retry: number | undefined
  const lines = text.split(/\r\n|\r|\n/)
  lines.pop() // unfinished: never dispatched
  for (const line of lines) {
    if (line == '') {
      if (data) events.push(Object.assign({ event: type || 'message', data: data.slice(0, -1), id }, retry === undefined ? {} : { retry }))
      data = type = ''
      retry = undefined
      continue
    }
    if (line[0] == ':') continue
    const colon = line.indexOf(':')
    const field = colon < 0 ? line : line.slice(0, colon)
    let value = colon < 0 ? '' : line.slice(colon + 1)
    if (value[0] == ' ') value = value.slice(1)
    if (field == 'data') data += value + '\n'
    else if (field == 'event') type = value
    else if (field == 'id' && !value.includes('\0')) id = value
    else if (field == 'retry' && /^[0-9]+$/.test(value)) retry = Number(value)
  }
  return events
}

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

  it('matches the spec algorithm on 3,000 random streams cut in random places (lines with and without colons, all line ends)', () => {
    let seed = 3
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648
    const pick = <T>(items: T[]) => items[Math.floor(next() * items.length)]
    const names = ['data', 'data', 'event', 'id', 'retry', 'dat', 'datas', '', 'x']
    const values = ['', ' ', 'a', ' a', '  b', 'a:b', ': c', '12', ' 34', '1s', 'x\0y', '中文']
    const ends = ['\n', '\n', '\r', '\r\n']
    for (let n = 0; n < 3000; n++) {
      let text = ''
      for (let lines = Math.floor(next() * 12); lines; lines--) {
        const kind = next()
        text += (kind < 0.15 ? '' : kind < 0.3 ? pick(names) : pick(names) + ':' + pick(values)) + pick(ends)
      }
      if (next() < 0.3) text += pick(names) // unfinished last line
      const cuts = [Math.floor(next() * (text.length + 1)), Math.floor(next() * (text.length + 1))].sort((a, b) => a - b)
      const ours = parse([text.slice(0, cuts[0]), text.slice(cuts[0], cuts[1]), text.slice(cuts[1])])
      // A CRLF cut between two pieces ends one line, as in the whole text.
      if (JSON.stringify(ours) != JSON.stringify(reference(text)))
        throw new Error(`differs for ${JSON.stringify(text)} cut at ${cuts}: ${JSON.stringify(ours)}`)
    }
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
