import { useDidHide, useDidShow, useUnload } from '@tarojs/taro'
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
import { taroFeedback } from './feedback'
import { getFunctions } from './runtime'

const taroVue: VuePlatform = {
  // The typed client is the same object as an untyped one.
  client: () => getFunctions() as unknown as InvokingClient,
  feedback: taroFeedback,
  page: { onShow: (hook) => useDidShow(hook), onHide: (hook) => useDidHide(hook), onUnload: (hook) => useUnload(hook) },
}

/**
 * Calls a cloud function from a Taro Vue 3 component: `data`, `error`, `loading` (refs) and `run`,
 * `refresh`, `cancel`. Runs in `setup()` (unless `immediate: false`), again when `deps` or what an
 * options getter reads change; a call still running when the component unmounts or its page unloads is aborted.
 */
export function useInvoke<Name extends HookName, Data = HookData<Name>>(
  name: Name,
  options?: MaybeGetter<VueInvokeOptions<Name>>,
): UseInvokeReturn<Name, Data> {
  return useInvokeWith<Name, Data>(taroVue, name, options)
}

/** Calls a streaming cloud function: `events` and `text` (refs) grow as the answer is written. Starts on `run()` unless `immediate: true`. */
export function useInvokeStream<Name extends HookName>(
  name: Name,
  options?: MaybeGetter<VueInvokeStreamOptions<Name>>,
): UseInvokeStreamReturn<Name> {
  return useInvokeStreamWith(taroVue, name, options)
}
