/**
 * The Taro plugin's runtime: the app's client (`Taro.$functions`, `useFunctions()`), imported into the
 * app by `mp-functions/taro-plugin`.
 * @module mp-functions/taro
 */
import Taro from '@tarojs/taro'
import { createFunctions } from '../../src/client'
import { sessionFromStorage } from '../../src/session'
import type { AppFunctions, FunctionsRegistry } from '../../src/registry'
import type { FunctionsClient, FunctionsOptions } from '../../src/types'
import { taroStorage } from './storage'
import { taroTransport } from './transport'

export { taroStorage } from './storage'
export { taroTransport } from './transport'

/** The plugin's options in `config/index.ts`; everything but `transport` and `accessToken` of `createFunctions`. */
export interface TaroFunctionsOptions extends Omit<FunctionsOptions, 'transport' | 'accessToken'> {
  /** Where the signed-in user's session is read from Taro storage; default `sb-<first label of the url's host>-auth-token`, as supabase-js. */
  storageKey?: string
}

/**
 * A client over `Taro.request`, reading the signed-in user's session from Taro storage. `transport` and `accessToken` may still be replaced.
 * Typed by `AppFunctions`, or by the registry given: `createTaroFunctions<OtherFunctions>(…)`.
 */
export function createTaroFunctions<R extends FunctionsRegistry<R> = AppFunctions>(options: TaroFunctionsOptions & Partial<FunctionsOptions>): FunctionsClient<R> {
  return createFunctions<R>(
    Object.assign(
      { transport: taroTransport(), accessToken: sessionFromStorage(taroStorage, { storageKey: options.storageKey }) },
      options,
    ),
  )
}

// Set by the CLI plugin (mp-functions/taro-plugin) from its options, as a build-time constant.
declare const MP_FUNCTIONS_TARO: TaroFunctionsOptions

let client: FunctionsClient<AppFunctions> | undefined

/** The app's one client, made on first use from the CLI plugin's options. */
export function getFunctions(): FunctionsClient<AppFunctions> {
  return client || (client = createTaroFunctions(typeof MP_FUNCTIONS_TARO == 'object' ? MP_FUNCTIONS_TARO : {}))
}

/** The app's client in function components (the same object on every render). */
export const useFunctions = getFunctions

// Lazy, so this module may load before the app and before anything is called.
Object.defineProperty(Taro, '$functions', { get: getFunctions, configurable: true })

declare module '@tarojs/taro' {
  interface TaroStatic {
    /** The app's functions client (mp-functions). */
    readonly $functions: FunctionsClient<AppFunctions>
  }
}
