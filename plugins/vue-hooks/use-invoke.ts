// The Vue 3 composables, shared by Taro Vue 3 and uni-app Vue 3: each gives its page lifecycle and feedback.
import { getCurrentInstance, onBeforeUnmount, type Ref, shallowRef, watch, type WatchSource } from 'vue'
import { type ControllerOptions, createInvokeController, type InvokeController, type InvokingClient } from '../use-invoke/controller'
import type { PlatformFeedback } from '../use-invoke/feedback'
import type {
  HookData,
  HookName,
  InvokeMethods,
  InvokeState,
  InvokeStreamState,
  UseInvokeOptions,
  UseInvokeStreamOptions,
} from '../use-invoke/typed'

/** The framework's page lifecycle, as `setup()` registers it (`useDidShow`…, `onShow`…). */
export interface PageLifecycle {
  onShow(hook: () => void): void
  onHide(hook: () => void): void
  onUnload(hook: () => void): void
}

/** What a platform gives the composables. */
export interface VuePlatform {
  client(): InvokingClient
  feedback: PlatformFeedback
  page: PageLifecycle
}

/** Options, or a getter of them: the call runs again when what the getter reads changes. */
export type MaybeGetter<T> = T | (() => T)

/** Each piece of state as a ref, so that it may be destructured and used in templates. */
export type Refs<State> = { readonly [K in keyof State]: Readonly<Ref<State[K]>> }

/** `useInvoke`'s result in Vue. */
export type UseInvokeReturn<Name, Data> = Refs<InvokeState<Data>> & InvokeMethods<Name, Data>

/** `useInvokeStream`'s result in Vue. */
export type UseInvokeStreamReturn<Name> = Refs<InvokeStreamState> & InvokeMethods<Name, string>

/** `useInvoke`'s options in Vue: `deps` are watch sources (refs, getters). */
export type VueInvokeOptions<Name> = UseInvokeOptions<Name> & { deps?: readonly WatchSource[] }

/** `useInvokeStream`'s options in Vue. */
export type VueInvokeStreamOptions<Name> = UseInvokeStreamOptions<Name> & { deps?: readonly WatchSource[] }

/** A controller whose state is mirrored into refs, and ended with the component and its page. */
function bind(platform: VuePlatform, stream: boolean, name: string, given: MaybeGetter<ControllerOptions> | undefined): InvokeController {
  const read = () => (typeof given == 'function' ? given() : given)
  const controller = createInvokeController({ client: platform.client, feedback: platform.feedback, stream }, name, read())
  const options = read()
  if (typeof given == 'function') {
    // New options from the getter: the call is made again with them (an earlier run()'s overrides dropped).
    watch(given, (changed) => {
      controller.update(name, changed)
      controller.run()
    })
  }
  if (options && options.deps && options.deps.length) watch(options.deps as WatchSource[], () => controller.run())
  if (getCurrentInstance()) {
    onBeforeUnmount(() => controller.unmount())
    platform.page.onShow(() => controller.pageShown())
    platform.page.onHide(() => controller.pageHidden())
    platform.page.onUnload(() => controller.unmount())
  }
  return controller
}

/** The state of `controller` as refs, kept up to date. */
function mirror<Keys extends keyof ReturnType<InvokeController['state']>>(controller: InvokeController, keys: Keys[]) {
  const refs = {} as { [K in Keys]: Ref<ReturnType<InvokeController['state']>[K]> }
  const copy = () => {
    const state = controller.state()
    for (const key of keys) {
      if (refs[key]) refs[key].value = state[key]
      else refs[key] = shallowRef(state[key])
    }
  }
  copy()
  controller.subscribe(copy)
  return refs
}

const methodsOf = (controller: InvokeController) => ({ run: controller.run, refresh: controller.refresh, cancel: controller.cancel })

/** `useInvoke` over a platform's client, feedback and page lifecycle (each adapter documents it). */
export function useInvokeWith<Name extends HookName, Data = HookData<Name>>(
  platform: VuePlatform,
  name: Name,
  options: MaybeGetter<VueInvokeOptions<Name>> | undefined,
): UseInvokeReturn<Name, Data> {
  const controller = bind(platform, false, name, options as MaybeGetter<ControllerOptions> | undefined)
  const refs = mirror(controller, ['data', 'error', 'loading'])
  controller.mount()
  return Object.assign(refs, methodsOf(controller)) as unknown as UseInvokeReturn<Name, Data>
}

/** `useInvokeStream` over a platform's client, feedback and page lifecycle. */
export function useInvokeStreamWith<Name extends HookName>(
  platform: VuePlatform,
  name: Name,
  options: MaybeGetter<VueInvokeStreamOptions<Name>> | undefined,
): UseInvokeStreamReturn<Name> {
  const controller = bind(platform, true, name, options as MaybeGetter<ControllerOptions> | undefined)
  const refs = mirror(controller, ['events', 'text', 'error', 'loading'])
  controller.mount()
  return Object.assign(refs, methodsOf(controller)) as unknown as UseInvokeStreamReturn<Name>
}
