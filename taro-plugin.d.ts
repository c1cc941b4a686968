// Types of the Taro CLI plugin, `mp-functions/taro-plugin`: the module is the plugin function itself.
import type { TaroFunctionsOptions } from './dist/taro'

/** Registered in config/index.ts: `plugins: [['mp-functions/taro-plugin', { url, anonKey, features }]]`. */
declare function taroPlugin(ctx: object, options: TaroFunctionsOptions): void

declare namespace taroPlugin {
  /** The plugin's options in config/index.ts. */
  type Options = TaroFunctionsOptions
}

export = taroPlugin
