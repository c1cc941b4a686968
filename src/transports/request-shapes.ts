import { decodeBase64 } from '../base64'
import { bytesOfView, isArrayBuffer } from '../bytes'
import { FunctionsRequestError } from '../errors/FunctionsRequestError'
import { encodeUtf8 } from '../utf8'

/**
 * Which request a platform's `request` function understands. `'wechat'`: `wx.request`'s shape, shared
 * by QQ, Toutiao (Douyin) and JD (and by Taro and uni-app on them). `'alipay'`: `my.request`'s, also
 * behind Taro's and uni-app's Alipay builds. `'baidu'`: `swan.request`'s (Taro's swan, uni-app's mp-baidu).
 */
export type MiniProgramPlatform = 'wechat' | 'alipay' | 'baidu'

/** The request options that ask a platform for the request headers and for the answer as bytes. */
export interface ShapeFields {
  header: Record<string, string>
  headers?: Record<string, string>
  dataType: string
  responseType?: 'arraybuffer'
}

/** How one platform is asked for a request and how its answer's body becomes bytes: each platform's rules in one place. */
export interface RequestShape {
  /**
   * The options, beside url, method, data, timeout and the callbacks, that ask for `header` and an answer
   * as bytes. Throws a `FunctionsRequestError` for a body `data` the platform cannot send: the request then
   * fails before anything is sent (a transport that throws fails its request).
   */
  fields(header: Record<string, string>, data: unknown): ShapeFields
  /** The body's bytes, from whatever the platform put in `data`. */
  bytes(data: unknown): ArrayBuffer
  /** Whether the platform's task can deliver the body in pieces (`enableChunked`). */
  canChunk: boolean
}

/** Bytes as the wx-shaped platforms (and the frameworks over them) hand them over. */
function bytesOf(data: unknown): ArrayBuffer {
  if (isArrayBuffer(data)) return data
  // uni-app's H5 request hands streamed chunks over as Uint8Array.
  const view = data as Uint8Array
  if (view && isArrayBuffer(view.buffer)) return bytesOfView(view)
  // Some platforms ignore responseType and hand back text or already-parsed JSON.
  return encodeUtf8(data == null ? '' : typeof data == 'string' ? data : JSON.stringify(data))
}

export const WECHAT_SHAPE: RequestShape = {
  // Anything but 'json' keeps the platform from parsing (and silently mangling) the body.
  fields: (header) => ({ header, dataType: 'text', responseType: 'arraybuffer' }),
  bytes: bytesOf,
  canChunk: true,
}

/**
 * `my.request` reads `headers` (Taro's and uni-app's Alipay layers read `header` and rename it; the
 * newest base libraries read both), has no `responseType`, and gives binary bodies intact only as
 * `dataType: 'base64'` (every base library has it; `'text'` replaces each non-UTF-8 byte with U+FFFD).
 * No `enableChunked`: the body always comes whole.
 */
export const ALIPAY_SHAPE: RequestShape = {
  fields: (header) => ({ header, headers: header, dataType: 'base64' }),
  // A string that is not base64 (an error body a layer handed over as text) is still worth its text.
  bytes: (data) => (typeof data == 'string' && decodeBase64(data)) || bytesOf(data),
  canChunk: false,
}

/**
 * `swan.request` sends text only (its `data` is an object or a string, anything else is turned into a
 * string: an ArrayBuffer would arrive as "{}"), so a binary body is refused; its `dataType` values are
 * `'json'` and `'string'`. No `enableChunked`.
 */
export const BAIDU_SHAPE: RequestShape = {
  fields(header, data) {
    if (isArrayBuffer(data)) {
      throw new FunctionsRequestError(
        'swan.request (Baidu) sends text only: send bytes as base64 in JSON, or upload them with swan.uploadFile',
      )
    }
    return { header, dataType: 'string', responseType: 'arraybuffer' }
  },
  bytes: bytesOf,
  canChunk: false,
}

const SHAPES: Record<MiniProgramPlatform, RequestShape> = { wechat: WECHAT_SHAPE, alipay: ALIPAY_SHAPE, baidu: BAIDU_SHAPE }

/** The shape of a platform named in `miniProgramTransport`'s options; `undefined` for a name it does not know. */
export const shapeOf = (platform: string | undefined): RequestShape | undefined =>
  platform == null
    ? WECHAT_SHAPE
    : Object.prototype.hasOwnProperty.call(SHAPES, platform)
      ? SHAPES[platform as MiniProgramPlatform]
      : undefined
