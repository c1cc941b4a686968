import { useDidHide, useDidShow, useUnload } from '@tarojs/taro'
import { useEffect, useReducer, useRef } from 'react'
import { type ControllerOptions, createInvokeController, type InvokeController, type InvokingClient } from '../use-invoke/controller'
import type {
  HookData,
  HookName,
  InvokeMethods,
  InvokeState,
  InvokeStreamState,
  UseInvokeOptions,
  UseInvokeStreamOptions,
} from '../use-invoke/typed'
import { taroFeedback } from './feedback'
import { getFunctions } from './runtime'

/** `useInvoke`'s result in React: the state of this render, and methods that stay the same. */
export type UseInvokeResult<Name, Data> = InvokeState<Data> & InvokeMethods<Name, Data>

/** `useInvokeStream`'s result in React. */
export type UseInvokeStreamResult<Name> = InvokeStreamState & InvokeMethods<Name, string>

// The typed client is the same object as an untyped one.
const client = () => getFunctions() as unknown as InvokingClient

/** One controller per component, bound to React's effects and Taro's page lifecycle. */
function useController(stream: boolean, name: string, options: ControllerOptions | undefined): InvokeController {
  const held = useRef<InvokeController | null>(null)
  let controller = held.current
  if (!controller) {
    controller = createInvokeController({ client, feedback: taroFeedback, stream }, name, options)
    held.current = controller
  }
  const bound = controller
  // The latest render's name and options are what the next call sends.
  bound.update(name, options)
  const [, rerender] = useReducer((count: number) => count + 1, 0)
  useEffect(() => {
    const stop = bound.subscribe(rerender)
    bound.mount()
    return () => {
      stop()
      bound.unmount()
    }
  }, [bound])
  const deps = (options && options.deps) || []
  const first = useRef(true)
  useEffect(() => {
    // Changed dependencies mean new options: the call is made with them (an earlier run()'s overrides dropped).
    if (first.current) first.current = false
    else bound.run()
    // biome-ignore lint/correctness/useExhaustiveDependencies: the app's own list of values decides
  }, deps)
  useDidShow(() => bound.pageShown())
  useDidHide(() => bound.pageHidden())
  useUnload(() => bound.unmount())
  return bound
}

/**
 * Calls a cloud function from a Taro React component: `data`, `error`, `loading`, and `run`, `refresh`,
 * `cancel`. Runs on mount (unless `immediate: false`) and again when `deps` change; a call still running
 * when the component unmounts or its page unloads is aborted.
 */
export function useInvoke<Name extends HookName, Data = HookData<Name>>(
  name: Name,
  options?: UseInvokeOptions<Name>,
): UseInvokeResult<Name, Data> {
  const controller = useController(false, name, options as ControllerOptions | undefined)
  const state = controller.state()
  return methods(controller, { data: state.data as Data | null, error: state.error, loading: state.loading })
}

/**
 * Calls a cloud function answering with a stream (`text/event-stream`, `text/plain`): `events` and
 * `text` grow as the answer is written (an AI chat). Starts on `run()` (or on mount with `immediate: true`).
 */
export function useInvokeStream<Name extends HookName>(name: Name, options?: UseInvokeStreamOptions<Name>): UseInvokeStreamResult<Name> {
  const controller = useController(true, name, options as ControllerOptions | undefined)
  const state = controller.state()
  return methods(controller, { events: state.events, text: state.text, error: state.error, loading: state.loading })
}

function methods<State extends object, Name, Data>(controller: InvokeController, state: State): State & InvokeMethods<Name, Data> {
  return Object.assign(state, {
    run: controller.run,
    refresh: controller.refresh,
    cancel: controller.cancel,
  }) as State & InvokeMethods<Name, Data>
}
