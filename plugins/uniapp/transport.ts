import { fetchTransport } from '../../src/transports/fetch'
import { shapedTransport } from '../../src/transports/mini-program'
import { ALIPAY_SHAPE, BAIDU_SHAPE, WECHAT_SHAPE } from '../../src/transports/request-shapes'
import type { Transport } from '../../src/transport'

// Set by uni-app's build ('h5', 'mp-weixin', 'mp-alipay', 'app', …).
declare const process: { env: { UNI_PLATFORM?: string } }

/**
 * The uni-app transport. On mini-programs and App, `uni.request` (so `uni.addInterceptor` sees the
 * calls), written as the literal member call `uni.request(...)`: uni-app's build rewrites exactly that
 * form, and a `uni` read into a variable has no `request` there. On H5, `fetch`: every answer may
 * stream, and uni-app's H5 `request` reads a chunked answer through a reader whose failure nobody
 * catches (cancelling a stream leaves an unhandled `AbortError`) and keeps every chunk until the end;
 * so `uni.addInterceptor` does not see H5 calls: use the `hooks` feature for what must see every call.
 * On mp-alipay, asked for in `my.request`'s shape: uni-app drops `responseType` there but passes
 * `dataType` on, and hands non-2xx answers to `fail` renamed to `{ statusCode, header, data, errMsg }`.
 * On mp-baidu, in `swan.request`'s shape (text bodies only). The platform is a build-time constant, so
 * each build keeps only its own shape.
 */
export function uniTransport(): Transport {
  if (process.env.UNI_PLATFORM == 'h5') return fetchTransport()
  // Compared in place, not through a variable: the build folds each comparison to true or false.
  const shape = process.env.UNI_PLATFORM == 'mp-alipay' ? ALIPAY_SHAPE : process.env.UNI_PLATFORM == 'mp-baidu' ? BAIDU_SHAPE : WECHAT_SHAPE
  return shapedTransport((options) => uni.request(options), shape)
}
