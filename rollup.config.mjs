import typescript from '@rollup/plugin-typescript'
import { dts } from 'rollup-plugin-dts'

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

// Frameworks (peer dependencies) and Node built-ins are the user's: never bundled.
const external = (id) => !/^[./\0]/.test(id) && !/^[A-Za-z]:[\\/]/.test(id)
const ts = () => typescript({ tsconfig: './tsconfig.json', compilerOptions: { noEmit: false, outDir: 'dist' } })

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
    plugins: [
      name != 'index' && {
        name: 'core-types',
        resolveId: (id) => (/^(\.\.\/)+src(\/|$)/.test(id) ? { id: 'mp-functions', external: true } : null),
      },
      dts(),
    ],
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
