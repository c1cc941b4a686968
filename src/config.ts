import { createAddressBook } from './addresses'
import { FunctionsError } from './errors/FunctionsError'
import { buildTransport, layer, orderFeatures, type Feature } from './pipeline'
import type { FunctionRegion } from './region'
import type { StreamOptions } from './stream/stream-options'
import type { Transport } from './transport'
import { originOf } from './url'

/** The options of `createFunctions`, and of both plugins. */
export interface FunctionsOptions {
  /** Project URL, e.g. `https://<ref>.supabase.co` or `https://<ref>.baseapi.memfiredb.com`. */
  url?: string
  /** The project's anon (public) key: sent as `apikey`, and as the Bearer token when no user is signed in. */
  anonKey?: string
  /** The HTTP layer: `fetchTransport()`, `miniProgramTransport(wx.request)`, or a plugin's. */
  transport: Transport
  /** Where bare function names go; default `${url}/functions/v1`. For MemFire: `https://functions1.memfiredb.com/<id>`. */
  functionsUrl?: string
  /** Other origins allowed to receive the keys and the user's token, e.g. `['https://functions1.memfiredb.com']`. */
  trustedOrigins?: string[]
  /** Sent with every call (below the call's own headers). */
  headers?: Record<string, string>
  /** Default region for every call (`x-region` and `forceFunctionRegion`); `'any'` means none. */
  region?: FunctionRegion | (string & {})
  /** Default timeout for every call, in milliseconds. */
  timeout?: number
  /** How streamed answers are read (`text/event-stream`, handed over at their headers as an `EventStream`). */
  stream?: StreamOptions
  /**
   * The features to turn on, each named once, in any order: `retry()`, `queue()`, `hooks()`, `cloudRelay()`. The client
   * puts them in their one correct order.
   */
  features?: Feature[]
  /**
   * Supplies the signed-in user's access token for each call: `sessionFromStorage(storage)`, or your
   * own (e.g. from supabase-js). Without one, or when it gives nothing, the anon key is the Bearer token.
   */
  accessToken?: AccessTokenHook
}

/** What an `accessToken` hook learns about the client calling it. */
export interface ClientContext {
  url?: string
  anonKey?: string
  /** The client's own transport, without its features but through its carrier (`cloudRelay`): for the SDK's own requests (a token refresh). */
  transport: Transport
}

/** Gives the signed-in user's access token for a call, or nothing (then the anon key is the Bearer token). */
export type AccessTokenHook = (client: ClientContext) => string | null | undefined | Promise<string | null | undefined>

/** A client's options, checked and worked out once. */
export interface ClientConfig {
  /** What is wrong with the options, reported by every call (a throw would crash a mini-program at start-up). */
  problem: string
  functionsUrl: string
  headers?: Record<string, string>
  region?: string
  timeout?: number
  anonKey?: string
  /** The anon key when it may be a Bearer token: new-format publishable keys are not JWTs. */
  anonBearer?: string
  accessToken?: AccessTokenHook
  context: ClientContext
  /** The transport inside the client's features and its stream reader. */
  pipeline: Transport
  features: Feature[]
  addressOf(name: string): string
}

const trimSlashes = (url?: string) => (url ? String(url).replace(/\/+$/, '') : undefined)

/** The one place the client's options are judged: what is wrong with them, or `''`. */
export function optionsProblem(options: Partial<FunctionsOptions> | undefined): string {
  const given = options || {}
  if (typeof given.transport != 'function') return 'transport is missing'
  if (!given.url && !given.functionsUrl) return "url is missing: { url: 'https://<project>.supabase.co', anonKey: '<anon key>' }"
  const addresses = [given.url, given.functionsUrl].filter(Boolean).concat(given.trustedOrigins || [])
  if (addresses.some((address) => !originOf(address))) return 'url, functionsUrl, trustedOrigins must be http(s)'
  return ''
}

export function resolveConfig(options: FunctionsOptions | undefined): ClientConfig {
  const given = options || ({} as Partial<FunctionsOptions>)
  const url = trimSlashes(given.url)
  const functionsUrl = trimSlashes(given.functionsUrl) || (url ? url + '/functions/v1' : '')
  const trusted = [url, functionsUrl]
    .concat(given.trustedOrigins || [])
    .map(originOf)
    .filter((origin): origin is string => Boolean(origin))
  const transport = given.transport as Transport
  let problem = optionsProblem(given)
  let features: Feature[] = []
  try {
    features = orderFeatures(given.features || [])
  } catch (error) {
    problem = problem || (error instanceof FunctionsError ? error.message : String(error))
  }
  const anonKey = given.anonKey
  const carrier = problem ? transport : layer(features, 'carrier', transport)
  return {
    problem: problem && 'createFunctions: ' + problem,
    functionsUrl,
    headers: given.headers,
    region: given.region,
    timeout: given.timeout,
    anonKey,
    anonBearer: anonKey && !/^sb_publishable_/.test(anonKey) ? anonKey : undefined,
    accessToken: given.accessToken,
    context: { url, anonKey, transport: carrier },
    pipeline: problem ? transport : buildTransport(carrier, features, given.stream),
    features,
    addressOf: createAddressBook(functionsUrl, trusted),
  }
}

/** Whether the client has a feature of that name. */
export const hasFeature = (config: ClientConfig, name: string) => config.features.some((feature) => feature.name == name)
