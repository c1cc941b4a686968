// The framework-free core of `useInvoke` and `useInvokeStream`: the Taro (React, Vue 3) and uni-app
// (Vue 3, Vue 2 mixin) adapters bind it to their framework and page lifecycle.
export {
  createInvokeController,
  type ControllerOptions,
  type ControllerState,
  type InvokeController,
  type InvokingClient,
} from './controller'
export { configureInvoke } from './defaults'
export { clearInvokeCache } from './cache'
export type { PlatformFeedback } from './feedback'
export type { CacheOptions, HookOptions, InvokeBehaviour, StreamHookOptions } from './options'
