import { fetchTransport } from '../../src/transports/fetch'
import { miniProgramTransport } from '../../src/transports/mini-program'
import type { Transport } from '../../src/transport'

// Set by uni-app's build ('h5', 'mp-weixin', 'app', …).
declare const process: { env: { UNI_PLATFORM?: string } }

/**
 * The uni-app transport. On mini-programs and App, `uni.request` (so `uni.addInterceptor` sees the
 * calls), written as the literal member call `uni.request(...)`: uni-app's build rewrites exactly that
 * form, and a `uni` read into a variable has no `request` there. On H5, `fetch`: every answer may
 * stream, and uni-app's H5 `request` reads a chunked answer through a reader whose failure nobody
 * catches (cancelling a stream leaves an unhandled `AbortError`) and keeps every chunk until the end;
 * so `uni.addInterceptor` does not see H5 calls: use the `hooks` feature for what must see every call.
 */
export function uniTransport(): Transport {
  return process.env.UNI_PLATFORM == 'h5' ? fetchTransport() : miniProgramTransport((options) => uni.request(options))
}
