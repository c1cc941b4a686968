import { createApp } from 'vue'

// The Taro Vue 3 app the useInvoke tests navigate in.
export default createApp({})
