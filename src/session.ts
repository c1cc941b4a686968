import { send } from './send'
import { defaultStorageKey } from './storage-key'
import type { AccessTokenHook, ClientContext } from './config'
import type { TransportResponse } from './transport'
import type { Session, SessionStorage } from './types'
import { decodeText } from './utf8'

/** Refresh this long before `expires_at`, so the token is still valid when the call arrives. */
const EXPIRY_MARGIN_MS = 30000
/** A refresh holds up every waiting call: it must end even when the network hangs. */
const REFRESH_TIMEOUT_MS = 30000

function parseSession(raw: unknown): Session | null {
  try {
    const session = typeof raw == 'string' ? JSON.parse(raw) : raw
    return session && typeof session.access_token == 'string' && session.access_token ? session : null
  } catch {
    return null
  }
}

/**
 * The refresh under way or last done, for every client in the app (a mini-program's pages share one
 * JS context): a call that read the pre-refresh session joins it instead of spending the rotated
 * refresh token again, which the server would answer by signing the user out.
 */
let refreshing: { token: string; promise: Promise<Session | null> } | undefined

/** The options of `sessionFromStorage`. */
export interface SessionOptions {
  /** Default `sb-<first label of the project URL's host>-auth-token`, the key supabase-js derives. */
  storageKey?: string
}

/**
 * An `accessToken` hook that reads the signed-in user's session from `storage` (where the auth
 * client keeps it) and refreshes it when it is about to expire. One storage read per call; the
 * stored value is parsed again only when it changed.
 */
export function sessionFromStorage(storage: SessionStorage, options: SessionOptions = {}): AccessTokenHook {
  let lastRaw: unknown
  let lastSession: Session | null = null

  // Storage that fails to write must not fail the call: the session in memory still holds.
  const store = async (change: () => unknown, raw: unknown, session: Session | null) => {
    try {
      await change()
    } catch {
      // Kept in memory below.
    }
    lastRaw = raw
    lastSession = session
    return session
  }

  const refresh = async (session: Session, raw: unknown, { url, anonKey, transport }: ClientContext, storageKey: string) => {
    let timer: ReturnType<typeof setTimeout> | undefined
    try {
      const answer = await new Promise<TransportResponse>((resolve, reject) => {
        const abort = send(
          transport,
          {
            url: url + '/auth/v1/token?grant_type=refresh_token',
            method: 'POST',
            header: { apikey: anonKey || '', Authorization: 'Bearer ' + anonKey, 'Content-Type': 'application/json' },
            data: JSON.stringify({ refresh_token: session.refresh_token }),
            timeout: REFRESH_TIMEOUT_MS,
          },
          resolve,
          reject,
        )
        timer = setTimeout(() => {
          abort()
          reject()
        }, REFRESH_TIMEOUT_MS)
      })
      if (answer.statusCode >= 400 && answer.statusCode < 500) {
        // The server rejected the refresh token: the session is over, as the auth client decides.
        return store(() => storage.removeItem(storageKey), undefined, null)
      }
      const next = answer.statusCode < 300 && parseSession(decodeText(answer.data))
      if (next) {
        next.expires_at = next.expires_at || Math.round(Date.now() / 1000) + (next.expires_in as number)
        // Written back in the format it was read in: a JSON string stays a string.
        const stored = typeof raw == 'string' ? JSON.stringify(next) : next
        return store(() => storage.setItem(storageKey, stored), stored, next)
      }
    } catch {
      // Handled below, with the other failures.
    } finally {
      clearTimeout(timer)
    }
    // Network trouble or a server fault: keep the session, and let the next call try again.
    if (refreshing && refreshing.token == session.refresh_token) refreshing = undefined
    return session
  }

  return async (client) => {
    const storageKey = options.storageKey || defaultStorageKey(client.url)
    let raw: unknown
    try {
      raw = await storage.getItem(storageKey)
    } catch {
      // Unreadable storage: called as anon.
    }
    let session = raw === lastRaw ? lastSession : parseSession(raw)
    lastRaw = raw
    lastSession = session
    if (session && client.url && session.refresh_token && (session.expires_at as number) * 1000 - Date.now() < EXPIRY_MARGIN_MS) {
      const token = session.refresh_token
      if (!refreshing || refreshing.token != token) refreshing = { token, promise: refresh(session, raw, client, storageKey) }
      session = await refreshing.promise
    }
    return session ? session.access_token : undefined
  }
}
