// Component tests of the Taro Vue 3 side (run by the repo's root jest as a project of its own, beside
// jest.config.js's React one): Taro's H5 runtime for Vue 3 in jsdom, from @tarojs/test-utils-vue3's preset.
const path = require('path')
const defineJestConfig = require('@tarojs/test-utils-vue3/dist/jest.js').default

const preset = defineJestConfig({})
// Global options, not a project's.
delete preset.bail
delete preset.verbose

module.exports = Object.assign(preset, {
  displayName: 'demo-taro-vue',
  rootDir: __dirname,
  testMatch: ['<rootDir>/__test__/vue/**/*.test.ts'],
  setupFiles: preset.setupFiles.concat(['<rootDir>/__test__/vue/setup.js']),
  moduleFileExtensions: preset.moduleFileExtensions.concat(['mjs']),
  // The preset's own script transform names its babel presets, found from the working directory
  // (the repo root when the root jest runs this): the same transform with them resolved from here.
  transform: {
    '^.+\\.vue$': '@vue/vue3-jest',
    '^.+\\.(mjs|js|jsx|ts|tsx)$': '<rootDir>/__test__/vue/transform.js',
  },
  transformIgnorePatterns: ['/node_modules/(jest-[^/]*|@jest|babel-jest|@babel|vue|@vue)/'],
  moduleNameMapper: Object.assign(preset.moduleNameMapper, {
    '^@tarojs/router$': path.join(__dirname, 'node_modules/@tarojs/router/dist/index.cjs.js'),
  }),
})
