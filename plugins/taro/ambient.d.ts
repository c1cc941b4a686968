// Just enough of the frameworks' types to compile the plugin without installing them here; the
// shipped declarations augment the real ones (checked with tsc in demo-taro).
declare module '@tarojs/taro' {
  interface TaroStatic {}
  const Taro: TaroStatic
  export default Taro
  export function request(options: object): Promise<unknown> & Record<string, unknown>
  export function getStorageSync(key: string): unknown
  export function setStorageSync(key: string, value: unknown): void
  export function removeStorageSync(key: string): void
}
declare module 'react' {
  class Component {}
}
declare module 'vue' {
  interface ComponentCustomProperties {}
}
