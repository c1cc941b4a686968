// Just enough of Vue 3's types to compile the composables without installing Vue here; the shipped
// declarations refer to the real ones (checked with tsc in the demos).
declare module 'vue' {
  export interface Ref<T> {
    value: T
  }
  export type WatchSource<T = unknown> = Ref<T> | (() => T)
  export function shallowRef<T>(value: T): Ref<T>
  export function watch<T>(source: WatchSource<T> | WatchSource[], callback: (value: T) => void): () => void
  export function onBeforeUnmount(hook: () => void): void
  export function getCurrentInstance(): object | null
}
declare module '@dcloudio/uni-app' {
  export function onShow(hook: () => void): void
  export function onHide(hook: () => void): void
  export function onUnload(hook: () => void): void
}
