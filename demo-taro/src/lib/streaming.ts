import { eventStreams } from 'mp-functions'
import { createTaroFunctions, taroTransport } from 'mp-functions/taro'

declare const DEMO_URL: string
declare const DEMO_ANON_KEY: string

/**
 * A client that can also stream: `invoke(name, { stream: true })`. Same url, so the same session
 * (storage key) as `Taro.$functions`; the injected client stays stream-free and smaller.
 */
export const streamingFunctions = createTaroFunctions({ url: DEMO_URL, anonKey: DEMO_ANON_KEY, transport: eventStreams(taroTransport()) })
