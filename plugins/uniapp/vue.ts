/**
 * `useInvoke` and `useInvokeStream` for uni-app Vue 3 (`<script setup>`, `setup()`): the client installed by
 * `FunctionsPlugin`, uni-app's loading indicator and toast, and its page lifecycle (`onShow`, `onHide`,
 * `onUnload`). A subpath of its own because it imports `vue` 3 and `@dcloudio/uni-app`, which a
 * uni-app Vue 2 project does not have: those use `invokeMixin` from `mp-functions/uniapp`.
 * @module mp-functions/uniapp/vue
 */
import { onHide, onShow, onUnload } from '@dcloudio/uni-app'
import type { InvokingClient } from '../use-invoke/controller'
import type { HookData, HookName } from '../use-invoke/typed'
import {
  type MaybeGetter,
  type UseInvokeReturn,
  type UseInvokeStreamReturn,
  useInvokeStreamWith,
  useInvokeWith,
  type VueInvokeOptions,
  type VueInvokeStreamOptions,
  type VuePlatform,
} from '../vue-hooks/use-invoke'
import { uniFeedback } from './feedback'
import { useFunctions } from './plugin'

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

const uniVue: VuePlatform = {
  // The typed client is the same object as an untyped one.
  client: () => useFunctions() as unknown as InvokingClient,
  feedback: uniFeedback,
  page: { onShow: (hook) => onShow(hook), onHide: (hook) => onHide(hook), onUnload: (hook) => onUnload(hook) },
}

/**
 * Calls a cloud function from a uni-app Vue 3 component: `data`, `error`, `loading` (refs) and `run`,
 * `refresh`, `cancel`. Runs in `setup()` (unless `immediate: false`), again when `deps` or what an
 * options getter reads change; a call still running when the component unmounts or its page unloads is aborted.
 */
export function useInvoke<Name extends HookName, Data = HookData<Name>>(
  name: Name,
  options?: MaybeGetter<VueInvokeOptions<Name>>,
): UseInvokeReturn<Name, Data> {
  return useInvokeWith<Name, Data>(uniVue, name, options)
}

/** Calls a streaming cloud function: `events` and `text` (refs) grow as the answer is written. Starts on `run()` unless `immediate: true`. */
export function useInvokeStream<Name extends HookName>(
  name: Name,
  options?: MaybeGetter<VueInvokeStreamOptions<Name>>,
): UseInvokeStreamReturn<Name> {
  return useInvokeStreamWith(uniVue, name, options)
}
