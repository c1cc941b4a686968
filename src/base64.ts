const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'

/** Base64 of bytes, without `btoa` (mini-programs have none) or the deprecated `wx.arrayBufferToBase64`. */
export function encodeBase64(buffer: ArrayBuffer): string {
  const bytes = new Uint8Array(buffer)
  let out = ''
  for (let i = 0; i < bytes.length; i += 3) {
    const triple = (bytes[i] << 16) | ((bytes[i + 1] || 0) << 8) | (bytes[i + 2] || 0)
    const left = bytes.length - i
    out += ALPHABET[(triple >> 18) & 63] + ALPHABET[(triple >> 12) & 63]
    out += left > 1 ? ALPHABET[(triple >> 6) & 63] : '='
    out += left > 2 ? ALPHABET[triple & 63] : '='
  }
  return out
}

/** Each base64 digit's 6-bit value, indexed by its character code. */
const DIGIT_VALUES: number[] = []
for (let value = 0; value < ALPHABET.length; value++) DIGIT_VALUES[ALPHABET.charCodeAt(value)] = value

/**
 * The bytes of standard base64 (RFC 4648, padded; line breaks and spaces ignored), without `atob`, which
 * mini-programs lack. `undefined` when the text is not base64 (a stray character, a wrong length), so
 * a caller can read it as text instead.
 */
export function decodeBase64(text: string): ArrayBuffer | undefined {
  const encoded = text.replace(/\s/g, '')
  // Whole groups of four characters, padding only at the end.
  if (encoded.length % 4 || !/^[A-Za-z\d+/]*={0,2}$/.test(encoded)) return undefined
  const digits = encoded.split('=')[0]
  const bytes = new Uint8Array((digits.length * 3) >> 2)
  // Bits go in 6 at a time and come out 8 at a time; a Uint8Array keeps only the low 8 of each value.
  let pending = 0
  let bits = 0
  let written = 0
  for (let index = 0; index < digits.length; index++) {
    pending = (pending << 6) | DIGIT_VALUES[digits.charCodeAt(index)]
    bits += 6
    if (bits >= 8) {
      bits -= 8
      bytes[written++] = pending >> bits
    }
  }
  return bytes.buffer
}
