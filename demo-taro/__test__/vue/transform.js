// @tarojs/test-utils-vue3's transform (dist/jest/babel-transformer.js) with its babel presets resolved
// from here (the root jest's working directory is the repo root): Taro's H5 API gets Vue 3's runtime.
const { createTransformer } = require('babel-jest')
const apiLoader = require('@tarojs/plugin-framework-vue3/dist/api-loader.js')

const transformer = createTransformer({
  presets: [
    [require.resolve('babel-preset-taro'), { framework: 'vue3', ts: true }],
    [require.resolve('@babel/preset-env'), { modules: 'commonjs' }],
    require.resolve('@babel/preset-typescript'),
  ],
})
const process = transformer.process

transformer.process = (source, file, options) =>
  process(file.includes('test-utils-vue3/dist/jest/runtime/taro-h5.js') ? apiLoader(source) : source, file, options)

module.exports = transformer
