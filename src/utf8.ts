type TextDecoderClass = new () => { decode(bytes?: ArrayBuffer | Uint8Array, options?: { stream: boolean }): string }
declare const TextDecoder: TextDecoderClass

/** The platform's `TextDecoder`, where there is one (WeChat and Alipay mini-programs have none). */
export const platformTextDecoder = (): TextDecoderClass | undefined => (typeof TextDecoder == 'function' ? TextDecoder : undefined)

/**
 * UTF-16 code units waiting to become a string; reused, since decoding is the hot path of a stream. A
 * plain array of small integers: `String.fromCharCode.apply` reads it several times faster than a
 * Uint16Array. A byte gives at most one unit, so a block of 8192 bytes (and the rest of its last
 * sequence) fits.
 */
const units: number[] = new Array(8195).fill(0)

/**
 * UTF-8 without `TextDecoder` (iOS mini-programs lack it), with TextDecoder's replacement rules: each
 * maximal ill-formed subpart becomes one U+FFFD (WHATWG). A BOM is kept.
 */
export function decodeUtf8(bytes: Uint8Array): string {
  const buffer = units
  const n = bytes.length
  let out = ''
  // Block by block: flat strings, under engines' argument limits, and no check of the buffer per unit.
  for (let i = 0; i < n; ) {
    let k = 0
    for (const stop = Math.min(n, i + 8192); i < stop; ) {
      let code = bytes[i++]
      if (code < 0x80) {
        buffer[k++] = code
        // ASCII comes in runs: there, one test for two bytes.
        while (i + 1 < stop) {
          const first = bytes[i]
          const second = bytes[i + 1]
          if ((first | second) >= 0x80) break
          buffer[k++] = first
          buffer[k++] = second
          i += 2
        }
        continue
      }
      // Fast paths for 2-byte and the common 3-byte sequences (Chinese): no special second-byte range.
      // Past the end, bytes[i] is undefined and fails the checks.
      if (code >= 0xc2 && code <= 0xdf && (bytes[i] & 0xc0) == 0x80) {
        buffer[k++] = ((code & 0x1f) << 6) | (bytes[i++] & 0x3f)
        continue
      }
      if (code >= 0xe1 && code <= 0xef && code != 0xed && (bytes[i] & 0xc0) == 0x80 && (bytes[i + 1] & 0xc0) == 0x80) {
        buffer[k++] = ((code & 0xf) << 12) | ((bytes[i] & 0x3f) << 6) | (bytes[i + 1] & 0x3f)
        i += 2
        continue
      }
      let need = code >= 0xc2 && code <= 0xdf ? 1 : code >= 0xe0 && code <= 0xef ? 2 : code >= 0xf0 && code <= 0xf4 ? 3 : 0
      // The second byte's range excludes overlongs, surrogates and code points past U+10FFFF.
      let lower = code == 0xe0 ? 0xa0 : code == 0xf0 ? 0x90 : 0x80
      let upper = code == 0xed ? 0x9f : code == 0xf4 ? 0x8f : 0xbf
      code = need ? code & (0x3f >> need) : -1
      for (; need; need--) {
        const next = bytes[i]
        if (!(next >= lower && next <= upper)) {
          code = -1
          break
        }
        lower = 0x80
        upper = 0xbf
        code = (code << 6) | (next & 0x3f)
        i++
      }
      if (code < 0) buffer[k++] = 0xfffd
      else if (code > 0xffff) {
        buffer[k++] = 0xd7c0 + (code >> 10)
        buffer[k++] = 0xdc00 + (code & 0x3ff)
      } else buffer[k++] = code
    }
    out += String.fromCharCode.apply(null, buffer.slice(0, k))
  }
  return out
}

/** Made once: constructing a TextDecoder costs more than decoding a small body. */
let wholeDecoder: InstanceType<TextDecoderClass> | undefined

/** Decodes a whole body as UTF-8 and drops a leading BOM, as TextDecoder does. */
export function decodeText(buffer: ArrayBuffer): string {
  const Decoder = platformTextDecoder()
  if (Decoder && !wholeDecoder) wholeDecoder = new Decoder()
  return wholeDecoder ? wholeDecoder.decode(buffer) : decodeUtf8(new Uint8Array(buffer)).replace(/^\ufeff/, '')
}

/** UTF-8 bytes of a string, for platforms that hand back text where bytes were asked for. */
export function encodeUtf8(text: string): ArrayBuffer {
  const binary = unescape(encodeURIComponent(text))
  const bytes = new Uint8Array(binary.length)
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i)
  return bytes.buffer
}
