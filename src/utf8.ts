declare const TextDecoder: any

/**
 * Well-formed UTF-8 runs (group 1), or one maximal ill-formed subpart, which becomes one U+FFFD
 * exactly as the WHATWG decoder (TextDecoder) replaces it. Runs are bounded to keep regex
 * backtracking shallow on large bodies.
 */
const SEQUENCES =
  /((?:[\0-\x7f]|[\xc2-\xdf][\x80-\xbf]|\xe0[\xa0-\xbf][\x80-\xbf]|[\xe1-\xec\xee\xef][\x80-\xbf]{2}|\xed[\x80-\x9f][\x80-\xbf]|\xf0[\x90-\xbf][\x80-\xbf]{2}|[\xf1-\xf3][\x80-\xbf]{3}|\xf4[\x80-\x8f][\x80-\xbf]{2}){1,4096})|\xe0[\xa0-\xbf]|[\xe1-\xec\xee\xef][\x80-\xbf]|\xed[\x80-\x9f]|\xf0[\x90-\xbf][\x80-\xbf]?|[\xf1-\xf3][\x80-\xbf]{1,2}|\xf4[\x80-\x8f][\x80-\xbf]?|[^]/g

/** One char per byte (code points 0–255), built in slices that stay under engines' argument limits. */
function binaryString(bytes: Uint8Array): string {
  let out = ''
  for (let i = 0; i < bytes.length; i += 8192) out += String.fromCharCode.apply(null, bytes.subarray(i, i + 8192) as any)
  return out
}

/** UTF-8 without `TextDecoder` (iOS mini-programs lack it), with TextDecoder's replacement rules; a BOM is kept. */
export function decodeUtf8(bytes: Uint8Array): string {
  return binaryString(bytes).replace(SEQUENCES, (_, valid) => (valid ? decodeURIComponent(escape(valid)) : '\ufffd'))
}

/** Decodes a whole body as UTF-8 and drops a leading BOM, as TextDecoder does. */
export function decodeText(buffer: ArrayBuffer): string {
  return typeof TextDecoder == 'function' ? new TextDecoder().decode(buffer) : decodeUtf8(new Uint8Array(buffer)).replace(/^\ufeff/, '')
}

/** UTF-8 bytes of a string, for platforms that hand back text where bytes were asked for. */
export function encodeUtf8(text: string): ArrayBuffer {
  const binary = unescape(encodeURIComponent(text))
  const bytes = new Uint8Array(binary.length)
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i)
  return bytes.buffer
}
