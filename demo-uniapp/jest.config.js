// Component tests, run by the repository's jest as one of its projects (see ../jest.config.ts):
// the real pages and the plugin from the packed mp-functions, in jsdom, with Vue 3 and Vue 2.7.
module.exports = {
  displayName: 'demo-uniapp',
  rootDir: __dirname,
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  testEnvironment: 'jsdom',
  // Vue's CommonJS builds (the browser condition would pick ES modules).
  testEnvironmentOptions: { customExportConditions: ['node', 'node-addons'] },
  moduleFileExtensions: ['ts', 'js', 'json', 'vue'],
  transform: {
    '^.+\\.vue$': '@vue/vue3-jest',
    '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/test/tsconfig.json' }],
  },
  globals: {
    'vue-jest': {
      tsConfig: require('path').join(__dirname, 'tsconfig.json'),
      // uni-app's built-in components, compiled by uni-app itself: plain elements here.
      compilerOptions: { isCustomElement: (tag) => ['view', 'text', 'button', 'navigator'].includes(tag) },
    },
  },
}
