// Component tests (run by the repo's root jest as a project): demo components rendered by Taro's
// H5 runtime in jsdom, calling the repo's gateway over real HTTP through the plugin.
const path = require('path')
const defineJestConfig = require('@tarojs/test-utils-react/dist/jest.js').default

const preset = defineJestConfig({})
// Global options, not a project's: the root jest runs this as one of its projects.
delete preset.bail
delete preset.verbose

module.exports = Object.assign(preset, {
  displayName: 'demo-taro',
  rootDir: __dirname,
  testMatch: ['<rootDir>/__test__/**/*.test.{ts,tsx}'],
  // The Vue 3 tests are jest.vue.config.js's.
  testPathIgnorePatterns: ['/node_modules/', '<rootDir>/__test__/vue/'],
  setupFiles: preset.setupFiles.concat(['<rootDir>/__test__/setup.js']),
  // Taro's components ship .mjs files.
  moduleFileExtensions: preset.moduleFileExtensions.concat(['mjs']),
  transform: { '^.+\\.(mjs|js|jsx|ts|tsx)$': '<rootDir>/__test__/transform.js' },
  // The preset compiles all of node_modules (Taro ships ESM), but not the test machinery itself.
  transformIgnorePatterns: ['/node_modules/(jest-[^/]*|@jest|babel-jest|@babel|react|react-dom|scheduler)/'],
  moduleNameMapper: Object.assign(preset.moduleNameMapper, {
    '^@tarojs/router$': path.join(__dirname, 'node_modules/@tarojs/router/dist/index.cjs.js'),
  }),
})
