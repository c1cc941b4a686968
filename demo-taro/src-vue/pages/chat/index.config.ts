export default definePageConfig({ navigationBarTitleText: '流式对话' })
