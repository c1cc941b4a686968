import Taro from '@tarojs/taro'

declare const DEMO_URL: string
declare const DEMO_ANON_KEY: string

// Where supabase-js (and the plugin, by default) keep the session: sb-<first label of the host>-auth-token.
export const storageKey = `sb-${/\/\/([^.:/]+)/.exec(DEMO_URL)![1]}-auth-token`

/** Signs in with e-mail and password against the project's auth endpoint and keeps the session where the plugin reads it. */
export async function signIn(email: string, password: string): Promise<string> {
  const response = await Taro.request({
    url: `${DEMO_URL}/auth/v1/token?grant_type=password`,
    method: 'POST',
    header: { apikey: DEMO_ANON_KEY, 'Content-Type': 'application/json' },
    data: { email, password },
  })
  if (response.statusCode !== 200) throw new Error(`sign-in failed: ${response.statusCode}`)
  Taro.setStorageSync(storageKey, JSON.stringify(response.data))
  return response.data.user.email
}

export function signOut() {
  Taro.removeStorageSync(storageKey)
}
