export default defineAppConfig({
  pages: ['pages/index/index'],
  window: { navigationBarTitleText: 'mp-functions · Taro' },
})
