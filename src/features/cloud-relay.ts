import type { Feature } from '../pipeline'
import { type CloudLike, cloudFunctionTransport } from '../transports/cloud-function'

export type { CloudLike } from '../transports/cloud-function'

/** The options of the `cloudRelay` feature: data only, so Taro's `config/index.ts` can carry them. */
export interface CloudRelayOptions {
  /** The relay cloud function's name; default `'mp-functions-relay'`. */
  name?: string
  /** The cloud environment ID, when not the one given to `wx.cloud.init`. */
  env?: string
  /** Request bodies over this many bytes (base64 for binary) are refused before sending; default 100 KB, WeChat's advice for `callFunction` data. */
  maxBodyBytes?: number
}

/** What `cloudRelay` sends through: default `wx.cloud`, where there is one. */
export interface CloudRelayRuntime {
  cloud?: CloudLike
}

/** The relay's settings: the options with their defaults. */
export function relaySettings(options: CloudRelayOptions) {
  return { name: options.name || 'mp-functions-relay', env: options.env, maxBodyBytes: options.maxBodyBytes || 100 * 1024 }
}

declare const wx: { cloud?: Partial<CloudLike> } | undefined

/** `wx.cloud`, where the platform has it (WeChat's base library 2.2.3+); nowhere else. */
export function platformCloud(): CloudLike | undefined {
  const cloud = typeof wx == 'object' && wx ? wx.cloud : undefined
  return cloud && typeof cloud.callFunction == 'function' ? (cloud as CloudLike) : undefined
}

/**
 * Sends every request, the session's refresh included, through a WeChat cloud function (the relay in
 * `cloudfunctions/mp-functions-relay`) instead of `wx.request`: for Supabase projects, whose domains
 * cannot be on a released mini-program's request domain list. Where there is no `wx.cloud` (H5, App,
 * other mini-programs) it steps aside and requests go straight to the transport, as without it.
 */
export function cloudRelay(options: CloudRelayOptions & CloudRelayRuntime = {}): Feature<CloudRelayOptions, 'cloudRelay'> {
  const given = options || {}
  const settings = relaySettings(given)
  return {
    name: 'cloudRelay',
    options: given,
    place: 'carrier',
    wrapTransport(next) {
      const cloud = given.cloud || platformCloud()
      return cloud ? cloudFunctionTransport(cloud, settings) : next
    },
  }
}
