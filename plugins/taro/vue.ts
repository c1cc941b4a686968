import type { AppFunctions } from '../../src/registry'
import type { FunctionsClient } from '../../src/types'
import { getFunctions } from './runtime'

/** `createApp(App).use(functionsPlugin)`: `this.$functions` in components, `$functions` in templates. */
export const functionsPlugin = {
  install(app: { config: { globalProperties: Record<string, unknown> } }) {
    app.config.globalProperties.$functions = getFunctions()
  },
}

declare module 'vue' {
  interface ComponentCustomProperties {
    /** The app's functions client (mp-functions). */
    readonly $functions: FunctionsClient<AppFunctions>
  }
}
