/// <reference types="vite/client" />

declare module '*.vue' {
  import { DefineComponent } from 'vue'
  const component: DefineComponent<{}, {}, any>
  export default component
}

/** Set in vite.config.ts at build time. */
declare const __FUNCTIONS_URL__: `http://${string}` | `https://${string}`
declare const __FUNCTIONS_ANON_KEY__: string
declare const __FUNCTIONS_CLOUD_RELAY__: boolean

/** WeChat's own API object, on mp-weixin. */
declare const wx: { cloud: { init(options?: { env?: string }): void } }
