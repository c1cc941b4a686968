/** One buffer from pieces received in order. */
export function concatBytes(chunks: ArrayBuffer[]): ArrayBuffer {
  let length = 0
  for (const chunk of chunks) length += chunk.byteLength
  const bytes = new Uint8Array(length)
  length = 0
  for (const chunk of chunks) {
    bytes.set(new Uint8Array(chunk), length)
    length += chunk.byteLength
  }
  return bytes.buffer
}
