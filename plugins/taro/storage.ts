import { getStorageSync, removeStorageSync, setStorageSync } from '@tarojs/taro'
import type { SessionStorage } from '../../src/types'

/** Taro's synchronous storage (wx/my/tt storage on mini-programs, localStorage on H5), where auth clients keep the session. */
export const taroStorage: SessionStorage = {
  getItem: (key) => getStorageSync(key),
  setItem: (key, value) => setStorageSync(key, value),
  removeItem: (key) => removeStorageSync(key),
}
