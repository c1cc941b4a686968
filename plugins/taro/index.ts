/// <reference types="node" />
// The Taro CLI plugin (runs in Node inside `taro build`): checks the options, hands them to the
// runtime as a build-time constant, and has the app entry import the runtime.
import { join } from 'path'
import type { TaroFunctionsOptions } from './runtime'

interface Platform {
  platformType: string
  runtimePath: string | string[]
}

interface PluginContext {
  initialConfig: { framework?: string }
  addPluginOptsSchema(schema: (joi: any) => unknown): void
  modifyRunnerOpts(modify: (args: { opts: { defineConstants?: Record<string, string> } }) => void): void
  registerMethod(method: { name: string; fn: (platform: Platform) => void }): void
}

export default function taroPlugin(ctx: PluginContext, options: TaroFunctionsOptions) {
  ctx.addPluginOptsSchema((joi) => {
    const origin = joi.string().uri({ scheme: ['http', 'https'] })
    const schema = joi.object({
      url: origin.required(),
      anonKey: joi.string(),
      functionsUrl: origin,
      trustedOrigins: joi.array().items(origin),
      headers: joi.object().pattern(joi.string(), joi.string()),
      region: joi.string(),
      timeout: joi.number().integer().min(0).max(2147483647),
      storageKey: joi.string(),
    })
    // Taro replaces a failed schema's message with a generic one: say what is wrong ourselves.
    const { error } = schema.validate(options)
    if (error) {
      throw new Error(
        `mp-functions/taro-plugin: ${error.message}. Set it in config/index.ts: ` +
          `plugins: [['mp-functions/taro-plugin', { url: 'https://<project>.supabase.co', anonKey: '<anon key>' }]]`,
      )
    }
    return schema
  })

  ctx.modifyRunnerOpts(({ opts }) => {
    opts.defineConstants = Object.assign({}, opts.defineConstants, { MP_FUNCTIONS_TARO: JSON.stringify(options) })
  })

  const framework = ctx.initialConfig.framework || 'react'
  const runtime = [join(__dirname, 'taro.mjs')].concat(/react/.test(framework) ? [join(__dirname, 'taro-react.mjs')] : [])
  ctx.registerMethod({
    name: 'onSetupClose',
    fn(platform) {
      // Mini-programs: after the framework has hooked Taro's native APIs ('post:'); web: before the
      // app's own code, so the client exists while app.ts runs.
      const prefix = platform.platformType == 'web' ? '' : 'post:'
      platform.runtimePath = ([] as string[]).concat(platform.runtimePath || [], runtime.map((file) => prefix + file))
    },
  })
}
