// The Taro CLI plugin (runs in Node inside `taro build`): checks the options, hands them to the
// runtime as a build-time constant, and has the app entry import the runtime.
import type { TaroFunctionsOptions } from './options'

/** The features whose settings are data, so config/index.ts can carry them into the build. */
const CONFIG_FEATURES = ['retry', 'queue', 'cloudRelay']

// This file's directory in the installed package (CommonJS), where the runtime files sit beside it.
// Declared here rather than loading Node's types, which would leak into the device code's type check.
declare const __dirname: string

interface Platform {
  platformType: string
  runtimePath: string | string[]
}

interface PluginContext {
  initialConfig: { framework?: string }
  // biome-ignore lint/suspicious/noExplicitAny: Taro's own joi instance, untyped here so the plugin needs no joi types
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
      stream: joi.object({ idleTimeout: joi.number().integer().min(0).max(2147483647) }),
      // retry(), queue() and cloudRelay() as config/index.ts imports them from mp-functions, or as plain data.
      features: joi.array().items(
        joi
          .object({
            name: joi
              .string()
              .valid(...CONFIG_FEATURES)
              .required(),
            options: joi.object(),
          })
          .unknown(true),
      ),
    })
    // Taro replaces a failed schema's message with a generic one: say what is wrong ourselves.
    const { error } = schema.validate(options)
    const runtimeOnly = (options.features || []).find((feature) => feature && CONFIG_FEATURES.indexOf(feature.name) < 0)
    if (runtimeOnly) {
      throw new Error(
        `mp-functions/taro-plugin: features: ${runtimeOnly.name} takes functions, which config/index.ts cannot carry into the app. ` +
          `Turn it on in app.ts: configureFunctions({ features: [${runtimeOnly.name}({ … })] }) from 'mp-functions/taro'`,
      )
    }
    if (error) {
      throw new Error(
        `mp-functions/taro-plugin: ${error.message}. Set it in config/index.ts: ` +
          `plugins: [['mp-functions/taro-plugin', { url: 'https://<project>.supabase.co', anonKey: '<anon key>' }]]`,
      )
    }
    return schema
  })

  const features = (options.features || []).map((feature) => ({ name: feature.name, options: feature.options }))
  const turnedOn = (name: string) => JSON.stringify(features.some((feature) => feature.name == name))
  ctx.modifyRunnerOpts(({ opts }) => {
    opts.defineConstants = Object.assign({}, opts.defineConstants, {
      MP_FUNCTIONS_TARO: JSON.stringify(Object.assign({}, options, { features })),
      // A feature left off is `false` here, so the build drops its code.
      MP_FUNCTIONS_RETRY: turnedOn('retry'),
      MP_FUNCTIONS_QUEUE: turnedOn('queue'),
      MP_FUNCTIONS_CLOUD_RELAY: turnedOn('cloudRelay'),
    })
  })

  const framework = ctx.initialConfig.framework || 'react'
  const runtime = ['taro.mjs'].concat(/react/.test(framework) ? ['taro-react.mjs'] : []).map((file) => `${__dirname}/${file}`)
  ctx.registerMethod({
    name: 'onSetupClose',
    fn(platform) {
      // Mini-programs: after the framework has hooked Taro's native APIs ('post:'); web: before the
      // app's own code, so the client exists while app.ts runs.
      const prefix = platform.platformType === 'web' ? '' : 'post:'
      platform.runtimePath = ([] as string[]).concat(
        platform.runtimePath || [],
        runtime.map((file) => prefix + file),
      )
    },
  })
}
