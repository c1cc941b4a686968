import Taro, { request } from '@tarojs/taro'
import { fetchTransport } from '../../src/transports/fetch'
import { miniProgramTransport, type MiniProgramRequestOptions } from '../../src/transports/mini-program'
import type { Transport } from '../../src/types'

declare const process: { env: { TARO_PLATFORM?: string } }
declare const AbortController: new () => { signal: unknown; abort(): void }

// Results are read from the callbacks. A rejection ends the call only if they have not: an interceptor
// refused it, or the platform threw. One rejecting a 4xx after the fact finds the call settled.
const failOnRejection = (promise: any, options: MiniProgramRequestOptions) => promise && promise.catch && promise.catch(options.fail)

/**
 * `Taro.request` (so the app's `Taro.addInterceptor` interceptors see the call), returning
 * something whose `abort()` really cancels it. Interceptors that chain `.then` lose the promise's
 * `abort`, so it is not relied on: on H5 the call carries its own signal (Taro hands it to
 * `fetch`); on mini-programs the platform's RequestTask is caught as `Taro.request` creates it.
 */
function taroRequest(options: MiniProgramRequestOptions): any {
  if (process.env.TARO_PLATFORM == 'web') {
    // Taro's H5 runtime always has AbortController (it ships a polyfill).
    const controller = new AbortController()
    failOnRejection(request(Object.assign({ signal: controller.signal }, options) as any), options)
    return controller
  }
  // wx, my, tt…: Taro looks its `request` up at call time, so a wrapper set for this one synchronous
  // call receives the task. An interceptor that defers `chain.proceed` escapes it, and so does a
  // read-only platform object: then only the promise's own `abort` (if it kept one) is left.
  const platform = (Taro as any).miniGlobal
  const native = platform && platform.request
  let task: any
  const hold = (o: unknown) => (task = native.call(platform, o))
  try {
    platform.request = hold
  } catch (e) {}
  try {
    const promise = request(options as any)
    failOnRejection(promise, options)
    return task || promise
  } finally {
    if (platform && platform.request === hold) platform.request = native
  }
}

/**
 * The Taro transport: `Taro.request` with bytes in and out, every platform failure classified by the core.
 * On H5 a call that wants its body in pieces (`eventStreams`) goes through `fetch` instead, because
 * Taro's H5 `request` reads whole bodies only; such calls bypass `Taro.addInterceptor` interceptors.
 */
export function taroTransport(): Transport {
  const taro = miniProgramTransport(taroRequest)
  if (process.env.TARO_PLATFORM != 'web') return taro
  const streaming = fetchTransport()
  return (options) => (options.enableChunked ? streaming : taro)(options)
}
