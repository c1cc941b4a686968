import typescript from '@rollup/plugin-typescript'
import { dts } from 'rollup-plugin-dts'
import { uniModuleFiles } from './scripts/uni-module.mjs'

// Unminified ES2017: users' bundlers minify, and mini-program tools accept this syntax untranspiled.
// Each public import is one entry; code they share lands in shared chunks, so nothing is bundled twice.
const entries = {
  index: 'src/index.ts',
  taro: 'plugins/taro/runtime.ts',
  'taro-react': 'plugins/taro/react.ts',
  'taro-vue': 'plugins/taro/vue.ts',
  uniapp: 'plugins/uniapp/index.ts',
  'uniapp-vue': 'plugins/uniapp/vue.ts',
}
// Runs in Node inside the framework's build (CommonJS only), never on a device.
const nodeEntries = {
  'taro-plugin': 'plugins/taro/index.ts',
}

// What the uni_modules package holds (built into uni_modules/mp-functions, see scripts/uni-module.mjs).
const uniModule = 'uni_modules/mp-functions'
const uniModuleEntries = { index: entries.index, uniapp: entries.uniapp }

// Frameworks (peer dependencies) and Node built-ins are the user's: never bundled.
const external = (id) => !/^[./\0]/.test(id) && !/^[A-Za-z]:[\\/]/.test(id)
// A plugin's declarations refer to the core's as 'mp-functions' (one declaration of each type for users).
const coreTypes = {
  name: 'core-types',
  resolveId: (id) => (/^(\.\.\/)+src(\/|$)/.test(id) ? { id: 'mp-functions', external: true } : null),
}
const ts = (outDir = 'dist') => typescript({ tsconfig: './tsconfig.json', compilerOptions: { noEmit: false, outDir } })

export default [
  {
    input: entries,
    external,
    output: [
      { dir: 'dist', format: 'es', entryFileNames: '[name].mjs', chunkFileNames: '[name]-[hash].mjs' },
      { dir: 'dist', format: 'cjs', entryFileNames: '[name].cjs', chunkFileNames: '[name]-[hash].cjs' },
    ],
    plugins: [ts()],
  },
  // Declarations one file per entry: a plugin's refer to the core's as 'mp-functions' (a shared
  // chunk would show users mangled names such as `o<any>` for FunctionsResponse).
  ...Object.keys(entries).map((name) => ({
    input: { [name]: entries[name] },
    external,
    // One declaration file per way of loading: .d.ts for tools without `exports` (node10, webpack 4),
    // .d.mts beside the ESM build and .d.cts beside the CommonJS one (node16 and bundlers read these).
    output: ['d.ts', 'd.mts', 'd.cts'].map((extension) => ({ dir: 'dist', format: 'es', entryFileNames: `[name].${extension}` })),
    plugins: [name != 'index' && coreTypes, dts()],
  })),
  // The same core and uni-app plugin as a uni_modules package for HBuilderX (DCloud's format): plain .js under
  // js_sdk/, declarations beside them, the plugin's pointing at ./index instead of the npm package's name.
  {
    input: uniModuleEntries,
    external,
    output: { dir: uniModule, format: 'es', entryFileNames: 'js_sdk/[name].js', chunkFileNames: 'js_sdk/[name]-[hash].js' },
    plugins: [ts(uniModule), uniModuleFiles()],
  },
  ...Object.keys(uniModuleEntries).map((name) => ({
    input: { [name]: uniModuleEntries[name] },
    external,
    output: { dir: `${uniModule}/js_sdk`, format: 'es', entryFileNames: '[name].d.ts', paths: { 'mp-functions': './index' } },
    plugins: [name != 'index' && coreTypes, dts()],
  })),
].concat(
  Object.keys(nodeEntries).length
    ? [
        {
          input: nodeEntries,
          external,
          output: { dir: 'dist', format: 'cjs', entryFileNames: '[name].cjs', exports: 'auto' },
          plugins: [ts()],
        },
      ]
    : [],
)
