import type { InvokeBehaviour } from './options'

let appDefaults: InvokeBehaviour = {}

/**
 * Behaviour for every `useInvoke` / `useInvokeStream` of the app, under each hook's own options:
 * `configureInvoke({ loading: true, errorToast: true })` in app.ts / main.ts.
 */
export function configureInvoke(defaults: InvokeBehaviour): void {
  appDefaults = Object.assign({}, defaults)
}

/** The app's defaults with a hook's options over them. */
export function withDefaults<O extends InvokeBehaviour>(options: O): O {
  return Object.assign({}, appDefaults, options)
}
