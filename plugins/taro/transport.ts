import Taro, { request } from '@tarojs/taro'
import { fetchTransport } from '../../src/transports/fetch'
import { type MiniProgramRequestOptions, shapedTransport } from '../../src/transports/mini-program'
import { ALIPAY_SHAPE, BAIDU_SHAPE, WECHAT_SHAPE } from '../../src/transports/request-shapes'
import type { Transport } from '../../src/transport'

// Set by Taro's build: TARO_PLATFORM 'web' or 'mini', TARO_ENV the platform ('weapp', 'alipay', 'tt', …).
declare const process: { env: { TARO_PLATFORM?: string; TARO_ENV?: string } }

/**
 * `Taro.request` (so the app's `Taro.addInterceptor` interceptors see the call), returning the
 * platform's RequestTask, whose `abort()` really cancels and whose chunk events stream. Interceptors
 * that chain `.then` lose the promise's task, so it is caught as `Taro.request` creates it: Taro looks
 * its platform `request` up at call time, so a wrapper set for this one synchronous call receives it.
 * An interceptor that defers `chain.proceed` escapes it, and so does a read-only platform object: then
 * only the promise's own `abort` (if it kept one) is left, and the body comes whole, because only a
 * request whose task is held asks the platform for chunks (no one else would receive them).
 */
function taroRequest(options: MiniProgramRequestOptions): unknown {
  const platform = (Taro as { miniGlobal?: { request?: (options: unknown) => unknown } }).miniGlobal
  const native = platform && platform.request
  const whole = Object.assign({}, options, { enableChunked: false })
  if (!platform || !native) return request(whole)
  let task: unknown
  const hold = (given: unknown) => {
    task = native.call(platform, Object.assign({}, given, { enableChunked: options.enableChunked }))
    return task
  }
  try {
    platform.request = hold
  } catch {
    // A read-only platform object: the promise's own abort is all there is.
  }
  try {
    const promise = request(whole)
    // Results are read from the callbacks. A rejection ends the call only if they have not: an
    // interceptor refused it, or the platform threw. One rejecting a 4xx after the fact finds the call settled.
    if (promise && typeof promise.catch == 'function') promise.catch(options.fail)
    return task || promise
  } finally {
    if (platform.request === hold) platform.request = native
  }
}

/**
 * The Taro transport. On mini-programs, `Taro.request` with bytes in and out, every platform failure
 * classified by the core; on Alipay, asked for in `my.request`'s shape (Taro's Alipay layer passes
 * `dataType` on and leaves non-2xx answers in Alipay's own shape); on swan, in `swan.request`'s (text
 * bodies only). On H5, `fetch`: every answer may stream (an event stream is handed over at
 * its headers), and Taro's H5 `request` reads whole bodies only, so `Taro.addInterceptor` interceptors
 * do not see H5 calls: use the `hooks` feature for what must see every call.
 */
export function taroTransport(): Transport {
  if (process.env.TARO_PLATFORM == 'web') return fetchTransport()
  // Compared in place, not through a variable: the build folds each comparison to true or false.
  const shape = process.env.TARO_ENV == 'alipay' ? ALIPAY_SHAPE : process.env.TARO_ENV == 'swan' ? BAIDU_SHAPE : WECHAT_SHAPE
  return shapedTransport(taroRequest, shape)
}
