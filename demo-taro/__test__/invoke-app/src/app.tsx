import type { PropsWithChildren } from 'react'

// The app the useInvoke tests navigate in (Taro's H5 router, as @tarojs/test-utils-react runs it).
export default function App({ children }: PropsWithChildren) {
  return children
}
