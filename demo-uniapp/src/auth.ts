import { storageKey, url } from './config'

/**
 * Signs in with email and password (what an auth client such as supabase-wechat-stable-v2 does) and
 * keeps the session in uni storage, where FunctionsPlugin reads the user's token. Sent by the app's
 * client, so it takes the road every call takes (the relay cloud function, when cloudRelay is on).
 */
export async function signIn(email: string, password: string): Promise<string> {
  const { data, error } = await uni.$functions.invoke(`${url}/auth/v1/token?grant_type=password`, { body: { email, password } })
  if (error || !data.access_token) return 'sign-in failed: ' + (error ? error.message : 'no session')
  uni.setStorageSync(storageKey, JSON.stringify(data))
  return 'signed in as ' + (data.user && data.user.email)
}

export function signOut() {
  uni.removeStorageSync(storageKey)
}
