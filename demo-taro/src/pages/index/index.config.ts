export default definePageConfig({ navigationBarTitleText: 'mp-functions' })
