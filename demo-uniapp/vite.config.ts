import uni from '@dcloudio/vite-plugin-uni'
import { defineConfig } from 'vite'

// The functions gateway the build talks to: `npm run gateway` in the repo by default; the tests
// build against their own (FUNCTIONS_URL=http://127.0.0.1:<port>).
const url = process.env.FUNCTIONS_URL || 'http://127.0.0.1:54321'
// The local gateway's anon key (the same on every start); use your project's for a real backend.
const anonKey =
  process.env.FUNCTIONS_ANON_KEY ||
  'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJzdXBhYmFzZS1sb2NhbCIsInJlZiI6ImxvY2FsIiwicm9sZSI6ImFub24iLCJpYXQiOjE3MDAwMDAwMDAsImV4cCI6MjAxNTM2MDAwMH0.NYSheZjLfl4wJeDX9k5A8NvPiwzPZJRpBKsP_mMWyqI'

export default defineConfig({
  plugins: [uni()],
  define: {
    __FUNCTIONS_URL__: JSON.stringify(url),
    __FUNCTIONS_ANON_KEY__: JSON.stringify(anonKey),
    // FUNCTIONS_CLOUD_RELAY=1: the mp-weixin build sends every call through the relay cloud function.
    __FUNCTIONS_CLOUD_RELAY__: JSON.stringify(process.env.FUNCTIONS_CLOUD_RELAY === '1'),
  },
})
