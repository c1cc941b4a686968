'use strict'
// Streaming decode throughput: our pure JS UTF-8 decoder + WHATWG SSE parser (what iOS mini-programs
// run), the same parser on the streaming TextDecoder (H5, Node, Android), and a baseline of Node's
// TextDecoder with a naive line split. The same chunks, interleaved rounds, medians. Goal (issue 5):
// pure JS at least 0.5× the native baseline.
// The decoder and parser are internal modules: load them from src/ through ts-node.
require('ts-node').register({ transpileOnly: true, compilerOptions: { module: 'commonjs', moduleResolution: 'node' } })
const loadSource = (file) => require(`../src/${file}`)
const { now, interleave, goal } = require('./stats')

const BASELINE = 'baseline: TextDecoder + naive split'
const PURE = 'pure JS decoder + SSE parser'

function payload(bytes) {
  const events = []
  let size = 0
  for (let i = 0; size < bytes; i++) {
    const event = `id: ${i}\ndata: {"index":${i},"text":"第${i}段：模型正在逐字输出回答 token by token 🌏"}\n\n`
    events.push(event)
    size += Buffer.byteLength(event)
  }
  return Buffer.from(events.join(''))
}

/** Network-like pieces of 1–16 KB that cut characters and events anywhere. */
function chunksOf(buffer) {
  const chunks = []
  let seed = 5
  for (let at = 0; at < buffer.length; ) {
    seed = (seed * 1103515245 + 12345) % 2147483648
    const size = 1024 + (seed % 15360)
    const piece = buffer.subarray(at, at + size)
    chunks.push(piece.buffer.slice(piece.byteOffset, piece.byteOffset + piece.length))
    at += size
  }
  return chunks
}

function candidates() {
  const { createPureUtf8Decoder, createUtf8Decoder } = loadSource('stream/utf8-decoder')
  const { createSseParser } = loadSource('stream/sse-parser')
  const ours = (makeDecoder) => (chunks) => {
    let events = 0
    const decoder = makeDecoder()
    const feed = createSseParser(() => events++)
    for (const chunk of chunks) feed(decoder.write(chunk))
    feed(decoder.end())
    return events
  }
  const baseline = (chunks) => {
    let events = 0
    let data = ''
    let partial = ''
    const decoder = new TextDecoder()
    for (const chunk of chunks) {
      const lines = (partial + decoder.decode(chunk, { stream: true })).split('\n')
      partial = lines.pop()
      for (const line of lines) {
        if (line.startsWith('data:')) data += line.slice(5).trim() + '\n'
        else if (!line && data) {
          events++
          data = ''
        }
      }
    }
    return events
  }
  return {
    [BASELINE]: baseline,
    [PURE]: ours(createPureUtf8Decoder),
    'TextDecoder (streaming) + SSE parser': ours(createUtf8Decoder),
  }
}

async function run({ smoke = false } = {}) {
  const buffer = payload((smoke ? 0.25 : 8) * 1024 * 1024)
  const chunks = chunksOf(buffer)
  const all = candidates()
  const counts = Object.values(all).map((decode) => decode(chunks)) // warm-up, and every candidate must see the same events
  if (new Set(counts).size != 1) throw new Error(`candidates disagree on the event count: ${counts}`)
  const { medians, ratio } = await interleave(all, { rounds: smoke ? 1 : 15, warmup: 2 }, (decode) => {
    const start = now()
    decode(chunks)
    return buffer.length / 1048576 / (Number(now() - start) / 1e9)
  })
  return {
    title: '5. Streaming decode (UTF-8 decoder + SSE parser)',
    head: ['decoder', 'MB/s (median)', '× baseline'],
    rows: Object.entries(medians).map(([name, value]) => [name, value.toFixed(1), ratio(name, BASELINE).toFixed(2)]),
    goals: [goal('pure JS decoder + SSE parser / baseline', ratio(PURE, BASELINE), 0.5, false)],
    notes: `${(buffer.length / 1048576).toFixed(0)} MB of ${counts[0]} events in network-like chunks of 1–16 KB.`,
  }
}

module.exports = { run }
