// Taro's jest transform (@tarojs/test-utils-react/dist/jest/babel-transformer.js) names its babel
// presets, which babel then looks for from the working directory: the repo root when the root jest
// runs this project. The same transform with the presets resolved from here.
const { createTransformer } = require('babel-jest')
const apiLoader = require('@tarojs/plugin-framework-react/dist/api-loader.js')

const transformer = createTransformer({
  presets: [
    [require.resolve('babel-preset-taro'), { framework: 'react', ts: true }],
    [require.resolve('@babel/preset-env'), { modules: 'commonjs' }],
    require.resolve('@babel/preset-react'),
    require.resolve('@babel/preset-typescript'),
  ],
})
const process = transformer.process

// Taro's H5 API module for tests gets the React runtime's API, as in the original transform.
transformer.process = (source, file, options) =>
  process(file.includes('test-utils-react/dist/jest/runtime/taro-h5.js') ? apiLoader(source) : source, file, options)

module.exports = transformer
