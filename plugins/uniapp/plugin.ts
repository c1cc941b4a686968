import { createFunctions } from '../../src/client'
import { FunctionsRequestError } from '../../src/errors/FunctionsRequestError'
import { sessionFromStorage } from '../../src/session'
import type { AppFunctions } from '../../src/registry'
import type { FunctionsClient, FunctionsOptions, Transport } from '../../src/types'
import { uniStorage } from './storage'
import { uniTransport } from './transport'

/** The options of `FunctionsPlugin`: those of `createFunctions`, with `transport` optional, and `storageKey`. */
export interface FunctionsPluginOptions extends Omit<FunctionsOptions, 'transport'> {
  /** Default `uniTransport()`. */
  transport?: Transport
  /** Where the signed-in session is stored; default `sb-<first label of url's host>-auth-token`, as supabase-js. */
  storageKey?: string
}

/** A client whose every call reports `message`: the app still starts, and the mistake shows where it is used. */
const broken = (message: string): FunctionsClient => {
  console.error('[mp-functions] ' + message)
  return { invoke: async () => ({ data: null, error: new FunctionsRequestError(message) }), setAuth() {} }
}

/**
 * `app.use(FunctionsPlugin, { url, anonKey })` (Vue 3) or `Vue.use(FunctionsPlugin, { url, anonKey })`
 * (Vue 2): `this.$functions` and `$functions` in templates, `uni.$functions`, `useFunctions()`.
 */
export const FunctionsPlugin = {
  /** Called by `app.use` / `Vue.use`; never throws (a missing `url` is reported by every call). */
  install(app: any, options: FunctionsPluginOptions) {
    const o = options || ({} as FunctionsPluginOptions)
    const client =
      o.url || o.functionsUrl
        ? createFunctions(
            Object.assign({ transport: uniTransport(), accessToken: sessionFromStorage(uniStorage, o) }, o) as FunctionsOptions,
          )
        : broken("FunctionsPlugin: options.url is missing: app.use(FunctionsPlugin, { url: 'https://<project>.supabase.co', anonKey })")
    // Vue 3 passes the app; Vue 2 passes the Vue constructor.
    if (app && app.config && app.config.globalProperties) app.config.globalProperties.$functions = client
    else if (app && app.prototype) app.prototype.$functions = client
    uni.$functions = client
  },
}

/** The installed client, for `<script setup>` and plain modules. */
export function useFunctions(): FunctionsClient<AppFunctions> {
  if (!uni.$functions) throw new Error('useFunctions(): install FunctionsPlugin in main.ts first: app.use(FunctionsPlugin, { url, anonKey })')
  return uni.$functions
}
