import Taro from '@tarojs/taro'

// An absolute address, so that calls to the project's own endpoints type-check as one.
declare const DEMO_URL: `http://${string}` | `https://${string}`

// Where supabase-js (and the plugin, by default) keep the session: sb-<first label of the host>-auth-token.
export const storageKey = `sb-${/\/\/([^.:/]+)/.exec(DEMO_URL)![1]}-auth-token`

/**
 * Signs in with e-mail and password against the project's auth endpoint and keeps the session where the
 * plugin reads it. Sent by the app's client, so it takes the road every call takes (the relay cloud
 * function, when cloudRelay is on); an app with supabase-js signs in with it instead.
 */
export async function signIn(email: string, password: string): Promise<string> {
  const { data, error } = await Taro.$functions.invoke(`${DEMO_URL}/auth/v1/token?grant_type=password`, { body: { email, password } })
  if (error) throw new Error(`sign-in failed: ${error.message}`)
  Taro.setStorageSync(storageKey, JSON.stringify(data))
  return data.user.email
}

export function signOut() {
  Taro.removeStorageSync(storageKey)
}
