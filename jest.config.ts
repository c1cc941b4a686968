import { existsSync } from 'fs'
import type { Config } from 'jest'

// The library's own tests, plus each demo app's component tests (their jest config lives beside
// their framework's dependencies). End-to-end tests of the built demos are in test/e2e.
const demos = ['demo-taro', 'demo-uniapp'].filter((demo) => existsSync(`${__dirname}/${demo}/jest.config.js`))

const config: Config = {
  projects: [
    {
      displayName: 'mp-functions',
      testEnvironment: 'node',
      roots: ['<rootDir>/test'],
      testMatch: ['**/*.test.ts'],
      transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/test/tsconfig.json' }] },
    },
    ...demos.map((demo) => `<rootDir>/${demo}`),
    // demo-taro's Taro Vue 3 tests need Taro's Vue preset: a project of their own.
    ...(existsSync(`${__dirname}/demo-taro/jest.vue.config.js`) ? ['<rootDir>/demo-taro/jest.vue.config.js'] : []),
  ],
  // Tests talk to real sockets and build bundles: two cores, so keep workers few and timeouts honest.
  maxWorkers: 2,
  testTimeout: 30000,
  reporters: ['default', '<rootDir>/test/helpers/summary-reporter.js'],
}

export default config
