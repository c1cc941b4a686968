// Taro resolves CLI plugins by file path (without package.json "exports"): 'mp-functions/taro-plugin' lands here.
module.exports = require('./dist/taro-plugin.cjs')
