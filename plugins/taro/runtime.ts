/**
 * The Taro plugin's runtime: the app's client (`Taro.$functions`, `useFunctions()`), imported into the
 * app by `mp-functions/taro-plugin`, and `configureFunctions()` for the settings that are functions.
 * @module mp-functions/taro
 */
import Taro from '@tarojs/taro'
import { createFunctions, type FunctionsClient } from '../../src/client'
import type { FunctionsOptions } from '../../src/config'
import { cloudRelay } from '../../src/features/cloud-relay'
import { queue } from '../../src/features/queue'
import { retry } from '../../src/features/retry'
import type { Feature } from '../../src/pipeline'
import type { AppFunctions, FunctionsRegistry } from '../../src/registry'
import { sessionFromStorage } from '../../src/session'
import type { TaroFeatureData, TaroFunctionsOptions } from './options'
import { taroStorage } from './storage'
import { taroTransport } from './transport'

export type { TaroFeatureData, TaroFunctionsOptions } from './options'
export { taroStorage } from './storage'
export { taroTransport } from './transport'

// Set by the CLI plugin (mp-functions/taro-plugin) from config/index.ts, as build-time constants: the
// options, and which features they turn on, so that a feature left off is not in the build at all.
declare const MP_FUNCTIONS_TARO: TaroFunctionsOptions
declare const MP_FUNCTIONS_RETRY: boolean
declare const MP_FUNCTIONS_QUEUE: boolean
declare const MP_FUNCTIONS_CLOUD_RELAY: boolean

const buildOptions = (): TaroFunctionsOptions => (typeof MP_FUNCTIONS_TARO == 'object' ? MP_FUNCTIONS_TARO : {})

/** A feature of `config/index.ts`, linked to its code; a name the build did not turn on is reported by every call. */
function linkFeature(data: TaroFeatureData): Feature {
  if (data.name == 'retry' && typeof MP_FUNCTIONS_RETRY != 'undefined' && MP_FUNCTIONS_RETRY) return retry(data.options)
  if (data.name == 'queue' && typeof MP_FUNCTIONS_QUEUE != 'undefined' && MP_FUNCTIONS_QUEUE) return queue(data.options)
  // Through wx.cloud on the WeChat build; on H5 there is none, and requests go straight to Taro.request.
  if (data.name == 'cloudRelay' && typeof MP_FUNCTIONS_CLOUD_RELAY != 'undefined' && MP_FUNCTIONS_CLOUD_RELAY)
    return cloudRelay(data.options)
  // Not a feature object: the client's check reports it with the list of features to use.
  return data as unknown as Feature
}

/** What `configureFunctions` takes: the settings that are functions, which `config/index.ts` cannot carry. */
export interface TaroRuntimeOptions {
  /** Default: the session in Taro storage under `storageKey` (`sessionFromStorage(taroStorage)`). */
  accessToken?: FunctionsOptions['accessToken']
  /** Default `taroTransport()`. */
  transport?: FunctionsOptions['transport']
  /** More features, such as `hooks({ … })`, added to those of `config/index.ts`. */
  features?: Feature[]
}

/**
 * A client over `Taro.request`, reading the signed-in user's session from Taro storage; `transport` and
 * `accessToken` may still be replaced. Typed by `AppFunctions`, or by the registry given:
 * `createTaroFunctions<OtherFunctions>(…)`.
 */
export function createTaroFunctions<R extends FunctionsRegistry<R> = AppFunctions>(
  options: Omit<TaroFunctionsOptions, 'features'> & TaroRuntimeOptions,
): FunctionsClient<R> {
  const defaults = { transport: taroTransport(), accessToken: sessionFromStorage(taroStorage, { storageKey: options.storageKey }) }
  return createFunctions<R>(Object.assign(defaults, options))
}

let runtimeOptions: TaroRuntimeOptions = {}
let current: FunctionsClient<AppFunctions> | undefined
let authToken: string | null = null

/** The client as configured now: made on first use, and again after `configureFunctions`. */
function currentClient(): FunctionsClient<AppFunctions> {
  if (!current) {
    const configured = buildOptions()
    const features = (configured.features || []).map(linkFeature).concat(runtimeOptions.features || [])
    current = createTaroFunctions(Object.assign({}, configured, runtimeOptions, { features }))
    current.setAuth(authToken)
  }
  return current
}

/**
 * Gives the app's client the settings that are functions (`accessToken`, `transport`, `features` such as
 * `hooks()`), over the options of `config/index.ts`. Call it in app.ts, before the first call; a later
 * call applies from the next `invoke` on.
 */
export function configureFunctions(options: TaroRuntimeOptions): void {
  runtimeOptions = Object.assign({}, options)
  current = undefined
}

type AnyInvoke = (name: string, options?: object) => unknown

/** The app's one client: the same object for the app's life, whatever `configureFunctions` changes. */
const appClient: FunctionsClient<AppFunctions> = {
  invoke: ((name, options) => (currentClient().invoke as AnyInvoke)(name, options)) as AnyInvoke as FunctionsClient<AppFunctions>['invoke'],
  setAuth(token) {
    authToken = token
    currentClient().setAuth(token)
  },
}

/** The app's client, made from the CLI plugin's options (and `configureFunctions`). */
export function getFunctions(): FunctionsClient<AppFunctions> {
  return appClient
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
