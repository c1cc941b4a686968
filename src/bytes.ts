/**
 * Whether `value` is an ArrayBuffer. A tag check, not instanceof: platform bridges (and other realms)
 * hand over buffers whose constructor is not this realm's ArrayBuffer.
 */
export const isArrayBuffer = (value: unknown): value is ArrayBuffer => Object.prototype.toString.call(value) == '[object ArrayBuffer]'

/** A copy of the bytes a view (a Uint8Array, a DataView…) shows, as a buffer of their own. */
export const bytesOfView = (view: ArrayBufferView): ArrayBuffer =>
  view.buffer.slice(view.byteOffset, view.byteOffset + view.byteLength) as ArrayBuffer

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
