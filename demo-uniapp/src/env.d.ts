/// <reference types="vite/client" />

declare module '*.vue' {
  import { DefineComponent } from 'vue'
  const component: DefineComponent<{}, {}, any>
  export default component
}

/** Set in vite.config.ts at build time. */
declare const __FUNCTIONS_URL__: string
declare const __FUNCTIONS_ANON_KEY__: string
