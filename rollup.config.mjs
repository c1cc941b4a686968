import typescript from '@rollup/plugin-typescript'
import { dts } from 'rollup-plugin-dts'

// Unminified ES2017: users' bundlers minify, and mini-program tools accept this syntax untranspiled.
const entries = { index: 'src/index.ts' }

export default [
  {
    input: entries,
    output: [
      { dir: 'dist', format: 'es', entryFileNames: '[name].mjs', chunkFileNames: '[name]-[hash].mjs' },
      { dir: 'dist', format: 'cjs', entryFileNames: '[name].cjs', chunkFileNames: '[name]-[hash].cjs' },
    ],
    plugins: [typescript({ tsconfig: './tsconfig.json', compilerOptions: { noEmit: false, outDir: 'dist' } })],
  },
  {
    input: entries,
    output: { dir: 'dist', format: 'es', entryFileNames: '[name].d.ts' },
    plugins: [dts()],
  },
]
