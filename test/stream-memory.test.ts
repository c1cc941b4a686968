import { execFileSync } from 'child_process'
import { join } from 'path'

// The heap is measured in a child process: jest's own workers allocate too much to read it here.
const run = (bytes: number, transport: string) =>
  JSON.parse(
    execFileSync(process.execPath, ['--expose-gc', join(__dirname, 'helpers/stream-memory.js'), String(bytes), transport], {
      encoding: 'utf8',
    }),
  )

describe.each(['fetch', 'wx'])('a 100 MB event stream over %s', (transport) => {
  it('is read to the end with a heap that does not grow with it', () => {
    const result = run(100 * 1024 * 1024, transport)
    // Every event arrived (1,221 bytes on the wire, 720 characters of data each, plus "done") …
    expect(result.events).toBe(Math.ceil((100 * 1024 * 1024) / 1221) + 1)
    expect(result.received).toBe((result.events - 1) * 720 + '[DONE]'.length)
    // … while the heap stayed within a few MB of where it started: flat, not 100 MB.
    expect(result.peak - result.base).toBeLessThan(24 * 1024 * 1024)
    expect(result.after - result.base).toBeLessThan(8 * 1024 * 1024)
  }, 120000)
})
