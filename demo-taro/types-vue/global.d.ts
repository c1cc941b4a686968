/// <reference types="@tarojs/taro" />
// mp-functions: `this.$functions` in components and `$functions` in templates (after app.use(functionsPlugin)).
/// <reference types="mp-functions/taro/vue" />

declare module '@tarojs/components' {
  export * from '@tarojs/components/types/index.vue3'
}
