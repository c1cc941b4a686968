import { FunctionsRequestError } from './errors/FunctionsRequestError'
import type { StreamOptions } from './stream/stream-options'
import { readStreams } from './stream/stream-reader'
import type { Transport } from './transport'
import type { FunctionsResponse, InvokeOptions } from './types'

/** `invoke` as features wrap it: untyped. */
export type InvokeFunction = (name: string, options?: InvokeOptions) => Promise<FunctionsResponse<unknown>>

/**
 * Where a feature sits. The client orders its features by place, whatever order they were given in:
 * - `call`: around `invoke` itself, seeing each call exactly once (`hooks`);
 * - `answer`: around each request, above the built-in stream reader: sees whole answers, and a stream
 *   only as it is handed over, so nothing it repeats was ever handed out (`retry`);
 * - `wire`: around the transport, below the stream reader: sees a request until its last byte (`queue`);
 * - `carrier`: in the transport's place, for every request the client sends, a session's refresh too (`cloudRelay`).
 */
export type FeaturePlace = 'call' | 'answer' | 'wire' | 'carrier'

const PLACES: FeaturePlace[] = ['call', 'answer', 'wire', 'carrier']

/**
 * A feature, turned on by naming it once in the client's `features`: `retry()`, `queue()`, `hooks()`.
 * `name` and `options` are data (the Taro plugin carries them from `config/index.ts` to the app).
 */
export interface Feature<Options = unknown, Name extends string = string> {
  /** One feature of a name per client. */
  readonly name: Name
  /** What it was turned on with. */
  readonly options: Options
  readonly place: FeaturePlace
  /** For `answer` and `wire` features: the layer over the next one down. */
  wrapTransport?(next: Transport): Transport
  /** For `call` features: `invoke` around the next one in. */
  wrapInvoke?(next: InvokeFunction): InvokeFunction
}

/** A client's features in their one order: by place, then by name. */
export function orderFeatures(features: Feature[]): Feature[] {
  if (!Array.isArray(features)) throw new FunctionsRequestError('features must be an array: features: [retry(), queue()]')
  const seen: Record<string, boolean> = {}
  for (const feature of features) {
    if (!feature || typeof feature.name != 'string' || PLACES.indexOf(feature.place) < 0) {
      throw new FunctionsRequestError('features: each one must be made by a feature function such as retry(), queue() or hooks()')
    }
    if (seen[feature.name]) throw new FunctionsRequestError(`features: ${feature.name} is given twice`)
    seen[feature.name] = true
  }
  const rank = (feature: Feature) => PLACES.indexOf(feature.place)
  return features.slice().sort((a, b) => rank(a) - rank(b) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
}

/** The features of one place around `inner`, the first in order outermost; `carrier` around the transport is what carries every request. */
export function layer(ordered: Feature[], place: FeaturePlace, inner: Transport): Transport {
  return ordered
    .filter((feature) => feature.place == place && feature.wrapTransport)
    .reduceRight((next, feature) => (feature.wrapTransport as (next: Transport) => Transport)(next), inner)
}

/** The request pipeline over the carrier: answer features, the stream reader, wire features. */
export function buildTransport(carrier: Transport, ordered: Feature[], stream: StreamOptions | undefined): Transport {
  return layer(ordered, 'answer', readStreams(layer(ordered, 'wire', carrier), stream))
}

/** `invoke` inside its call features, the first given outermost. */
export function wrapInvoke(invoke: InvokeFunction, ordered: Feature[]): InvokeFunction {
  return ordered
    .filter((feature) => feature.place == 'call' && feature.wrapInvoke)
    .reduceRight((next, feature) => (feature.wrapInvoke as (next: InvokeFunction) => InvokeFunction)(next), invoke)
}
