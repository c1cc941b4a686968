// The part of uni-app's global `uni` the plugin uses; in users' projects @dcloudio/types declares it.
declare const uni: {
  request(options: object): unknown
  getStorageSync(key: string): unknown
  setStorageSync(key: string, value: unknown): void
  removeStorageSync(key: string): void
  showLoading(options: { title: string; mask?: boolean }): unknown
  hideLoading(): unknown
  showToast(options: { title: string; icon?: 'none'; duration?: number }): unknown
  $functions?: import('../../src/client').FunctionsClient<import('../../src/registry').AppFunctions>
}
declare const console: { error(message: string): void }
// Vue is the user's (an optional peer), absent here: this lets index.ts augment it.
declare module 'vue' {
  interface ComponentCustomProperties {}
}
