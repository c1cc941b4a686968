import { createFunctions, type FunctionsClient } from '../../src/client'
import { type FunctionsOptions, optionsProblem } from '../../src/config'
import { FunctionsRequestError } from '../../src/errors/FunctionsRequestError'
import type { AppFunctions } from '../../src/registry'
import { sessionFromStorage } from '../../src/session'
import type { Transport } from '../../src/transport'
import { uniStorage } from './storage'
import { uniTransport } from './transport'

/** The options of `FunctionsPlugin`: those of `createFunctions` (features included), with `transport` optional, and `storageKey`. */
export interface FunctionsPluginOptions extends Omit<FunctionsOptions, 'transport'> {
  /** Default `uniTransport()`. */
  transport?: Transport
  /** Where the signed-in session is stored; default `sb-<first label of url's host>-auth-token`, as supabase-js. */
  storageKey?: string
}

/** A client whose every call reports `message`: the app still starts, and the mistake shows where it is used. */
function unusable(message: string): FunctionsClient<AppFunctions> {
  const client: FunctionsClient = {
    invoke: async () => ({ data: null, error: new FunctionsRequestError(message) }),
    setAuth() {},
  }
  return client as FunctionsClient<AppFunctions>
}

/**
 * `app.use(FunctionsPlugin, { url, anonKey, features })` (Vue 3) or `Vue.use(FunctionsPlugin, { … })`
 * (Vue 2): `this.$functions` and `$functions` in templates, `uni.$functions`, `useFunctions()`.
 */
export const FunctionsPlugin = {
  /** Called by `app.use` / `Vue.use`; never throws (a wrong option is reported by every call, and logged here once). */
  install(app: unknown, options: FunctionsPluginOptions) {
    const defaults = { transport: uniTransport(), accessToken: sessionFromStorage(uniStorage, options || {}) }
    const given: FunctionsOptions = Object.assign(defaults, options)
    const problem = optionsProblem(given)
    if (problem) console.error('[mp-functions] FunctionsPlugin: ' + problem)
    const client = createFunctions<AppFunctions>(given)
    // Vue 3 passes the app; Vue 2 passes the Vue constructor.
    const vue = app as { config?: { globalProperties?: Record<string, unknown> }; prototype?: Record<string, unknown> }
    if (vue && vue.config && vue.config.globalProperties) vue.config.globalProperties.$functions = client
    else if (vue && vue.prototype) vue.prototype.$functions = client
    uni.$functions = client
  },
}

const notInstalled = unusable('useFunctions(): install FunctionsPlugin in main.ts first: app.use(FunctionsPlugin, { url, anonKey })')

/** The installed client, for `<script setup>` and plain modules; before `app.use`, one whose calls say so. */
export function useFunctions(): FunctionsClient<AppFunctions> {
  return uni.$functions || notInstalled
}
