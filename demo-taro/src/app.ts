import Taro from '@tarojs/taro'
import type { PropsWithChildren } from 'react'

// An interceptor like many apps have. It chains `.then`, which drops the request's `abort()` from
// Taro's promise: the demo's "cancel" button shows that mp-functions still cancels the request.
Taro.addInterceptor((chain) => chain.proceed(chain.requestParams).then((response: Taro.request.SuccessCallbackResult) => response))

export default function App({ children }: PropsWithChildren) {
  return children
}
