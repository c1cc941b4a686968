// One project, two apps: React (src/) by default, Vue 3 (src-vue/) with TARO_APP_FRAMEWORK=vue3.
module.exports = {
  presets: [['taro', { framework: process.env.TARO_APP_FRAMEWORK || 'react', ts: true, compiler: 'webpack5' }]],
}
