import type { SessionStorage } from '../../src/types'

/**
 * uni-app storage for `sessionFromStorage`. On H5 it is localStorage: strings are kept as they are,
 * other values wrapped as `{"type","data"}`, and uni.getStorageSync unwraps them again.
 */
export const uniStorage: SessionStorage = {
  getItem: (key) => uni.getStorageSync(key),
  setItem: (key, value) => uni.setStorageSync(key, value),
  removeItem: (key) => uni.removeStorageSync(key),
}
