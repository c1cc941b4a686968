import { concatBytes } from '../bytes'
import { decodeUtf8, platformTextDecoder } from '../utf8'

/** Decodes UTF-8 arriving in pieces: a character split across two pieces comes out whole. */
export interface Utf8StreamDecoder {
  write(bytes: ArrayBuffer): string
  /** What is left: an unfinished character becomes U+FFFD. */
  end(): string
}

/** How many bytes a sequence starting with `byte` needs (1 for bytes that start none). */
const sequenceLength = (byte: number) => (byte >= 0xf5 ? 1 : byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc2 ? 2 : 1)

/**
 * Pure JS: holds back a sequence that the piece ends in the middle of. A lead byte always starts a
 * new sequence, so decoding up to it gives what decoding the whole stream would (WHATWG rules).
 */
export function createPureUtf8Decoder(): Utf8StreamDecoder {
  let held: ArrayBuffer | undefined
  let started = false
  const decode = (bytes: Uint8Array) => {
    let text = decodeUtf8(bytes)
    // Like TextDecoder, a BOM is dropped at the start of the stream only.
    if (!started && text) {
      started = true
      text = text.replace(/^\ufeff/, '')
    }
    return text
  }
  return {
    write(buffer) {
      const bytes = new Uint8Array(held ? concatBytes([held, buffer]) : buffer)
      let cut = bytes.length
      for (let i = cut - 1; i >= 0 && i >= cut - 3; i--) {
        if (bytes[i] < 0x80) break
        if (bytes[i] >= 0xc0) {
          if (cut - i < sequenceLength(bytes[i])) cut = i
          break
        }
      }
      held = cut < bytes.length ? bytes.slice(cut).buffer : undefined
      return decode(bytes.subarray(0, cut))
    },
    end() {
      const rest = held
      held = undefined
      return rest ? decode(new Uint8Array(rest)) : ''
    },
  }
}

/** `TextDecoder` in streaming mode where the platform has it (iOS mini-programs do not), else the pure JS one. */
export function createUtf8Decoder(): Utf8StreamDecoder {
  const Decoder = platformTextDecoder()
  if (!Decoder) return createPureUtf8Decoder()
  const decoder = new Decoder()
  return {
    write: (bytes) => decoder.decode(bytes, { stream: true }),
    end: () => decoder.decode(),
  }
}
