import Taro, { request } from '@tarojs/taro'
import { miniProgramTransport, type MiniProgramRequestOptions } from '../../src/transports/mini-program'
import type { Transport } from '../../src/types'

declare const process: { env: { TARO_PLATFORM?: string } }
declare const AbortController: new () => { signal: unknown; abort(): void }

// The app's interceptors may reject (e.g. on a 4xx): we read the callbacks, so the promise is only silenced.
const quiet = (promise: any) => promise && promise.catch && promise.catch(() => {})

/**
 * `Taro.request` (so the app's `Taro.addInterceptor` interceptors see the call), returning
 * something whose `abort()` really cancels it. Interceptors that chain `.then` lose the promise's
 * `abort`, so it is not relied on: on H5 the call carries its own signal (Taro hands it to
 * `fetch`); on mini-programs the platform's RequestTask is caught as `Taro.request` creates it.
 */
function taroRequest(options: MiniProgramRequestOptions): any {
  if (process.env.TARO_PLATFORM == 'web') {
    const controller = new AbortController()
    quiet(request(Object.assign({ signal: controller.signal }, options) as any))
    return controller
  }
  // wx, my, tt…: Taro looks its `request` up at call time, so a wrapper set for this one synchronous
  // call receives the task. An interceptor that defers `chain.proceed` escapes it: then only the
  // promise's own `abort` (if it kept one) is left.
  const platform = (Taro as any).miniGlobal
  const native = platform && platform.request
  let task: any
  if (native) platform.request = (o: unknown) => (task = native.call(platform, o))
  try {
    const promise = request(options as any)
    quiet(promise)
    return task || promise
  } finally {
    if (native) platform.request = native
  }
}

/** The Taro transport: `Taro.request` with bytes in and out, every platform failure classified by the core. */
export function taroTransport(): Transport {
  return miniProgramTransport(taroRequest)
}
