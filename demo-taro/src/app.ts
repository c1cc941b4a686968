import Taro from '@tarojs/taro'
import type { PropsWithChildren } from 'react'

// An interceptor like many apps have. It chains `.then`, which drops the request's `abort()` from
// Taro's promise: the demo's "cancel" button shows that mp-functions still cancels the request.
Taro.addInterceptor((chain) => chain.proceed(chain.requestParams).then((response: Taro.request.SuccessCallbackResult) => response))

declare const DEMO_CLOUD_RELAY: boolean
// With cloudRelay on, wx.cloud must be set up before the first call (give your environment ID:
// Taro.cloud.init({ env: '<环境 ID>' })). Only the WeChat build has Taro.cloud.
if (DEMO_CLOUD_RELAY && Taro.cloud) Taro.cloud.init()

export default function App({ children }: PropsWithChildren) {
  return children
}
