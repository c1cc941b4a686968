import { getStorageSync, removeStorageSync, setStorageSync } from '@tarojs/taro'
import type { SessionStorage } from '../../src/types'

// Set by Taro's build: 'web' on H5.
declare const process: { env: { TARO_PLATFORM?: string } }
declare const localStorage: { getItem(key: string): string | null; setItem(key: string, value: string): void }

/**
 * Keys whose session was found as plain localStorage text on Taro H5: Taro's H5 storage reads only
 * values it wrapped itself as `{"data": …}` (`getStorageSync` gives '' for others), while supabase-js
 * keeps its session in localStorage as plain JSON. Such a session is read, and written back, directly.
 */
const plainKeys: Record<string, boolean> = {}

const onH5 = () => process.env.TARO_PLATFORM == 'web' && typeof localStorage != 'undefined'

/** Taro's synchronous storage (wx/my/tt storage on mini-programs, localStorage on H5), where auth clients keep the session. */
export const taroStorage: SessionStorage = {
  getItem(key) {
    const value = getStorageSync(key)
    plainKeys[key] = value === '' && onH5() && localStorage.getItem(key) != null
    return plainKeys[key] ? localStorage.getItem(key) : value
  },
  setItem(key, value) {
    if (plainKeys[key] && typeof value == 'string') localStorage.setItem(key, value)
    else setStorageSync(key, value)
  },
  removeItem: (key) => removeStorageSync(key),
}
