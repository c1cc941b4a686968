export default definePageConfig({ navigationBarTitleText: 'mp-functions · Vue 3' })
