/**
 * The uni-app plugin: `app.use(FunctionsPlugin, { url, anonKey })`, then `this.$functions`, `$functions` in
 * templates, `uni.$functions` and `useFunctions()`.
 * @module mp-functions/uniapp
 */
import type { AppFunctions } from '../../src/registry'
import type { FunctionsClient } from '../../src/client'

export { FunctionsPlugin, useFunctions, type FunctionsPluginOptions } from './plugin'
export { uniTransport } from './transport'
export { uniStorage } from './storage'
export { invokeMixin, type InvokeMixinOptions, type InvokeMixinState } from './invoke-mixin'
export { configureInvoke, clearInvokeCache } from '../use-invoke/index'

declare module 'vue' {
  interface ComponentCustomProperties {
    /** The functions client installed by `FunctionsPlugin` (declared as the Taro plugin declares it). */
    readonly $functions: FunctionsClient<AppFunctions>
  }
}

declare global {
  interface Uni {
    /** The functions client installed by `FunctionsPlugin`. */
    $functions: FunctionsClient<AppFunctions>
  }
}
