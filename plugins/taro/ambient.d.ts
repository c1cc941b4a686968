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
  export function useDidShow(callback: () => void): void
  export function useDidHide(callback: () => void): void
  export function useUnload(callback: () => void): void
  export function showLoading(options: { title: string; mask?: boolean }): unknown
  export function hideLoading(): unknown
  export function showToast(options: { title: string; icon?: 'none'; duration?: number }): unknown
}
declare module 'react' {
  class Component {}
  export function useRef<T>(initial: T): { current: T }
  export function useReducer<S>(reducer: (state: S) => S, initial: S): [S, () => void]
  export function useEffect(effect: () => void | (() => void), deps?: readonly unknown[]): void
}
declare module 'vue' {
  interface ComponentCustomProperties {}
}
