import type { FunctionsOptions } from '../../src/config'
import type { RetryOptions } from '../../src/features/retry-options'
import type { QueueOptions } from '../../src/features/queue'
import type { CloudRelayOptions } from '../../src/features/cloud-relay'

/** A feature as `config/index.ts` carries it to the app: its name and options (data only). */
export type TaroFeatureData =
  | { name: 'retry'; options?: RetryOptions }
  | { name: 'queue'; options?: QueueOptions }
  | { name: 'cloudRelay'; options?: CloudRelayOptions }

/**
 * The plugin's options in `config/index.ts`: those of `createFunctions` that are data, and `storageKey`.
 * `features` takes `retry()`, `queue()` and `cloudRelay()`; settings that are functions go to `configureFunctions()` in app.ts.
 */
export interface TaroFunctionsOptions extends Omit<FunctionsOptions, 'transport' | 'accessToken' | 'features'> {
  /** Where the signed-in user's session is read from Taro storage; default `sb-<first label of the url's host>-auth-token`, as supabase-js. */
  storageKey?: string
  /** `[retry({ attempts: 3 }), queue({ maxConcurrent: 4 }), cloudRelay({ env: '<环境 ID>' })]`, imported from `mp-functions`. */
  features?: TaroFeatureData[]
}
