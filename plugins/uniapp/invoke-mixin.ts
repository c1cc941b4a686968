import {
  type ControllerOptions,
  type ControllerState,
  createInvokeController,
  type InvokeController,
  type InvokingClient,
} from '../use-invoke/controller'
import type { HookName, UseInvokeStreamOptions } from '../use-invoke/typed'
import type { FunctionsResponse, InvokeOptions } from '../../src/types'
import { uniFeedback } from './feedback'
import { useFunctions } from './plugin'

/** `invokeMixin`'s options: `useInvoke`'s (or `useInvokeStream`'s with `stream: true`), or a function of the component giving them. */
export type InvokeMixinOptions<Name> = UseInvokeStreamOptions<Name> & {
  /** Reads the answer as a stream (`events`, `text`), as `useInvokeStream`. */
  stream?: boolean
}

/** The component, as the mixin's hooks see it (Vue 2 and Vue 3 alike). */
type Component = Record<string, unknown> & {
  $watch(getter: () => unknown, callback: (value: unknown) => void, options: { deep: boolean }): unknown
}

/** One call's state under `this[as]`, and its methods. */
export interface InvokeMixinState {
  /** The latest successful call's data; `null` before the first. */
  data: unknown
  /** The latest call's error (never a cancelled call's). */
  error: ControllerState['error']
  /** A call is running. */
  loading: boolean
  /** With `stream: true`: the events so far. */
  events: ControllerState['events']
  /** With `stream: true`: the text so far. */
  text: string
  /** Calls with the options, `overrides` over them; resolves with the call's `{ data, error, response }` (never rejects). */
  run(overrides?: InvokeOptions): Promise<FunctionsResponse<unknown>>
  /** Calls again with the last `run`'s overrides. */
  refresh(): Promise<FunctionsResponse<unknown>>
  /** Aborts the running call (the request too). */
  cancel(): void
}

const client = (): InvokingClient => useFunctions() as unknown as InvokingClient

/**
 * For the Options API, and uni-app Vue 2 (below 2.7: no composition API): `mixins: [invokeMixin('greeting',
 * 'hello', { body: { name: '世界' } })]` gives `this.greeting` with `data`, `error`, `loading` (and `events`,
 * `text` with `stream: true`), and `run()`, `refresh()`, `cancel()`, in templates as `greeting.loading`.
 * `useInvoke`'s options and behaviour; `options` may be a function of the component (`function () { return
 * { query: { page: this.page } } }`, `Instance` types its `this`): the call runs again when what it reads changes. The page's `onShow`,
 * `onHide` and `onUnload` drive `pauseOnHide`, `refreshOnShow` and cancelling, as uni-app calls them on pages.
 */
export function invokeMixin<Name extends HookName, Instance = Record<string, unknown>>(
  as: string,
  name: Name,
  options?: InvokeMixinOptions<Name> | ((this: Instance) => InvokeMixinOptions<Name>),
): object {
  const controllers = new WeakMap<object, InvokeController>()
  const read = (component: Component) =>
    (typeof options == 'function' ? options.call(component as unknown as Instance) : options) as ControllerOptions | undefined
  const each = (component: Component, act: (controller: InvokeController) => void) => {
    const controller = controllers.get(component)
    if (controller) act(controller)
  }
  return {
    data: () => ({ [as]: { data: null, error: null, loading: false, events: [], text: '' } }),
    created(this: Component) {
      const given = read(this)
      // Fixed when the component is made, whichever way the options are given.
      const stream = !!given && (given as { stream?: boolean }).stream === true
      const controller = createInvokeController({ client, feedback: uniFeedback, stream }, name, given)
      controllers.set(this, controller)
      const state = this[as] as InvokeMixinState
      // Vue made `this[as]` reactive; its fields are set one by one, so templates update.
      const copy = () => {
        const now = controller.state()
        state.data = now.data
        state.error = now.error
        state.loading = now.loading
        state.events = now.events
        state.text = now.text
      }
      controller.subscribe(copy)
      state.run = controller.run
      state.refresh = controller.refresh
      state.cancel = controller.cancel
      if (typeof options == 'function') {
        this.$watch(
          () => read(this),
          (changed) => {
            controller.update(name, changed as ControllerOptions)
            controller.run()
          },
          { deep: true },
        )
      }
      controller.mount()
    },
    onShow(this: Component) {
      each(this, (controller) => controller.pageShown())
    },
    onHide(this: Component) {
      each(this, (controller) => controller.pageHidden())
    },
    onUnload(this: Component) {
      each(this, (controller) => controller.unmount())
    },
    // Vue 2's name, and Vue 3's.
    beforeDestroy(this: Component) {
      each(this, (controller) => controller.unmount())
    },
    beforeUnmount(this: Component) {
      each(this, (controller) => controller.unmount())
    },
  }
}
