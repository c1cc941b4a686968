'use strict'
// Streaming decode throughput: our pure JS UTF-8 decoder + WHATWG SSE parser (what iOS mini-programs
// run), the same parser on the streaming TextDecoder (H5, Node, Android), and a baseline of Node's
// TextDecoder with a naive line split. The same chunks, interleaved rounds, medians.
// The decoder and parser are internal modules: load them from src/ through ts-node.
require('ts-node').register({ transpileOnly: true, compilerOptions: { module: 'commonjs', moduleResolution: 'node' } })
const loadSource = (file) => require(`../src/${file}`)

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
  return [
    ['baseline: TextDecoder + naive split', baseline],
    ['pure JS decoder + SSE parser', ours(createPureUtf8Decoder)],
    ['TextDecoder (streaming) + SSE parser', ours(createUtf8Decoder)],
  ]
}

/** Returns rows { name, mbPerSecond, ratio } (ratio against the baseline). */
function run({ megabytes = 8, rounds = 9 } = {}) {
  const buffer = payload(megabytes * 1024 * 1024)
  const chunks = chunksOf(buffer)
  const list = candidates()
  const times = list.map(() => [])
  const counts = list.map(([, fn]) => fn(chunks)) // warm-up, and every candidate must see the same events
  if (new Set(counts).size != 1) throw new Error(`candidates disagree on the event count: ${counts}`)
  for (let round = 0; round < rounds; round++) {
    list.forEach(([, fn], i) => {
      const start = process.hrtime.bigint()
      fn(chunks)
      times[i].push(Number(process.hrtime.bigint() - start) / 1e9)
    })
  }
  const median = (values) => values.slice().sort((a, b) => a - b)[values.length >> 1]
  const mbPerSecond = times.map((t) => buffer.length / 1048576 / median(t))
  return list.map(([name], i) => ({ name, mbPerSecond: mbPerSecond[i], ratio: mbPerSecond[i] / mbPerSecond[0], events: counts[0] }))
}

module.exports = { run, goal: 0.5 }

if (require.main === module) {
  for (const row of run()) console.log(`${row.name.padEnd(40)} ${row.mbPerSecond.toFixed(1).padStart(8)} MB/s  ${row.ratio.toFixed(2)}×`)
}
