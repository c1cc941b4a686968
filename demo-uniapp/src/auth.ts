import { anonKey, storageKey, url } from './config'

/**
 * Signs in with email and password (what an auth client such as supabase-wechat-stable-v2 does)
 * and keeps the session in uni storage, where FunctionsPlugin reads the user's token.
 */
export function signIn(email: string, password: string): Promise<string> {
  return new Promise((resolve) => {
    uni.request({
      url: url + '/auth/v1/token?grant_type=password',
      method: 'POST',
      header: { apikey: anonKey, 'Content-Type': 'application/json' },
      data: { email, password },
      success: (res) => {
        const session = res.data as { access_token?: string; user?: { email?: string } }
        if (res.statusCode != 200 || !session.access_token) return resolve('sign-in failed: ' + res.statusCode)
        uni.setStorageSync(storageKey, JSON.stringify(session))
        resolve('signed in as ' + (session.user && session.user.email))
      },
      fail: (err) => resolve('sign-in failed: ' + err.errMsg),
    })
  })
}

export function signOut() {
  uni.removeStorageSync(storageKey)
}
