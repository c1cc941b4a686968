import { bytesOfView } from './bytes'
import { FunctionsRequestError } from './errors/FunctionsRequestError'
import type { PlatformBody } from './transport'

// Platform classes where they exist (browsers, App), absent in mini-programs: checked with typeof first.
declare const Blob: new () => { type: string }
declare const FormData: new () => object

export interface EncodedBody {
  data?: string | ArrayBuffer | PlatformBody
  /** The Content-Type this body implies; used only when the caller set none. */
  type?: string
}

const OCTET_STREAM = 'application/octet-stream'

/** The one place where a body becomes text or bytes, and where its Content-Type is inferred. */
export function encodeBody(body: unknown): EncodedBody {
  const kind = typeof body
  if (body == null) return {}
  if (typeof body == 'string') return { data: body, type: 'text/plain' }
  if (body instanceof ArrayBuffer) return { data: body, type: OCTET_STREAM }
  // functions-js sends a Uint8Array as {"0":97,…}; its bytes are what the caller meant.
  if (ArrayBuffer.isView(body)) {
    return { data: bytesOfView(body), type: OCTET_STREAM }
  }
  // Where the platform has them, Blob and FormData go to the transport untouched (fetch sends them
  // natively, adding the multipart boundary itself).
  if (typeof Blob != 'undefined' && body instanceof Blob) return { data: body as PlatformBody, type: body.type || OCTET_STREAM }
  if (typeof FormData != 'undefined' && body instanceof FormData) return { data: body as PlatformBody }
  // These would serialize to nothing ("{}" or undefined) instead of failing: functions, symbols,
  // BigInts, streams, and collections (Map, Set, URLSearchParams, Headers) other than arrays.
  const object = body as { getReader?: unknown; entries?: unknown; constructor?: { name?: string } }
  if (/^(fu|sy|bi)/.test(kind) || object.getReader || (object.entries && !Array.isArray(body))) {
    const name = kind == 'object' && object.constructor ? object.constructor.name : kind
    throw new FunctionsRequestError(`Cannot send a ${name} body`)
  }
  try {
    return { data: JSON.stringify(body), type: 'application/json' }
  } catch (e) {
    throw new FunctionsRequestError('The body is not JSON-serializable: ' + (e as Error).message, e)
  }
}
