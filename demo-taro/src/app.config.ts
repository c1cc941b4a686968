export default defineAppConfig({
  pages: ['pages/index/index', 'pages/chat/index', 'pages/form/index', 'pages/list/index'],
  window: { navigationBarTitleText: 'mp-functions · Taro' },
})
