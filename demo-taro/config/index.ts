import { defineConfig } from '@tarojs/cli'
import { cloudRelay, queue, retry } from 'mp-functions'

// The local functions gateway (`npm run gateway` in the repo root); its anon key is the same on every
// start. Builds for another server: MP_FUNCTIONS_URL=… MP_FUNCTIONS_ANON_KEY=… npm run build:weapp
const url = process.env.MP_FUNCTIONS_URL || 'http://127.0.0.1:54321'
const anonKey =
  process.env.MP_FUNCTIONS_ANON_KEY ||
  'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJzdXBhYmFzZS1sb2NhbCIsInJlZiI6ImxvY2FsIiwicm9sZSI6ImFub24iLCJpYXQiOjE3MDAwMDAwMDAsImV4cCI6MjAxNTM2MDAwMH0.NYSheZjLfl4wJeDX9k5A8NvPiwzPZJRpBKsP_mMWyqI'
const framework = process.env.TARO_APP_FRAMEWORK === 'vue3' ? 'vue3' : 'react'
// MP_FUNCTIONS_CLOUD_RELAY=1: the WeChat build sends every call through the relay cloud function
// (cloudfunctions/mp-functions-relay), as a Supabase project needs in a released mini-program.
const throughRelay = process.env.MP_FUNCTIONS_CLOUD_RELAY === '1'

export default defineConfig<'webpack5'>(() => ({
  projectName: 'demo-taro',
  date: '2026-11-24',
  designWidth: 750,
  deviceRatio: { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 },
  sourceRoot: framework === 'vue3' ? 'src-vue' : 'src',
  outputRoot: process.env.MP_FUNCTIONS_OUT || `dist/${framework}-${process.env.TARO_ENV}`,
  // Taro.$functions streams by the answer; retries and the queue are turned on here, in the build.
  plugins: [
    [
      'mp-functions/taro-plugin',
      {
        url,
        anonKey,
        stream: { idleTimeout: 30000 },
        features: [
          retry({ attempts: 3, statusCodes: [503], methods: ['GET', 'POST'], delay: 50 }),
          queue({ maxConcurrent: 2 }),
          ...(throughRelay ? [cloudRelay()] : []),
        ],
      },
    ],
  ],
  defineConstants: {
    DEMO_URL: JSON.stringify(url),
    DEMO_ANON_KEY: JSON.stringify(anonKey),
    DEMO_CLOUD_RELAY: JSON.stringify(throughRelay),
  },
  framework,
  compiler: 'webpack5',
  cache: { enable: false },
  // Readable output: the end-to-end tests look into it, and users learning from the demo too.
  terser: { enable: false },
  csso: { enable: false },
  mini: {},
  h5: { publicPath: '/', staticDirectory: 'static', router: { mode: 'hash' } },
}))
