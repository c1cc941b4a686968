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

/** The bytes of base64 text, or `undefined` when it is not base64 (a stray character, a wrong length). */
export function decodeBase64(text: string): ArrayBuffer | undefined {
  const clean = text.replace(/=+$/, '')
  if (clean.length % 4 == 1 || /[^A-Za-z0-9+/]/.test(clean)) return undefined
  const bytes = new Uint8Array(Math.floor((clean.length * 3) / 4))
  let bits = 0
  let count = 0
  let at = 0
  for (let i = 0; i < clean.length; i++) {
    // Never more than 14 bits are pending: keep them, and drop the ones already written.
    bits = ((bits << 6) | ALPHABET.indexOf(clean[i])) & 0xffff
    count += 6
    if (count >= 8) {
      count -= 8
      bytes[at++] = (bits >> count) & 255
    }
  }
  return bytes.buffer
}
