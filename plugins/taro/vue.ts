/**
 * `app.use(functionsPlugin)` in a Taro Vue 3 app: `this.$functions` and `$functions` in templates.
 * @module mp-functions/taro/vue
 */
import type { AppFunctions } from '../../src/registry'
import type { FunctionsClient } from '../../src/client'
import { getFunctions } from './runtime'

/** `createApp(App).use(functionsPlugin)`: `this.$functions` in components, `$functions` in templates. */
export const functionsPlugin = {
  /** Called by `app.use`: sets `app.config.globalProperties.$functions`. */
  install(app: { config: { globalProperties: Record<string, unknown> } }) {
    app.config.globalProperties.$functions = getFunctions()
  },
}

declare module 'vue' {
  interface ComponentCustomProperties {
    /** The app's functions client (mp-functions). */
    readonly $functions: FunctionsClient<AppFunctions>
  }
}

export { useInvoke, useInvokeStream } from './vue-hooks'
export { configureInvoke, clearInvokeCache } from '../use-invoke/index'
export type { CacheOptions, HookOptions, InvokeBehaviour, StreamHookOptions } from '../use-invoke/options'
export type { HookCallOptions, HookData, HookName, InvokeMethods, InvokeState, InvokeStreamState } from '../use-invoke/typed'
export type {
  MaybeGetter,
  Refs,
  UseInvokeReturn,
  UseInvokeStreamReturn,
  VueInvokeOptions,
  VueInvokeStreamOptions,
} from '../vue-hooks/use-invoke'
