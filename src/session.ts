import type { AccessTokenHook, ClientContext } from './config'
import { send } from './send'
import { defaultStorageKey } from './storage-key'
import { readStoredSession, type StoredForm } from './stored-session'
import type { TransportResponse } from './transport'
import type { Session, SessionStorage } from './types'
import { decodeText } from './utf8'

/** Refresh this long before `expires_at`, so the token is still valid when the call arrives. */
const EXPIRY_MARGIN_MS = 30000
/** A refresh holds up every waiting call: it must end even when the network hangs. */
const REFRESH_TIMEOUT_MS = 30000

/**
 * GoTrue's answers to a refresh that say the refresh token itself is no longer valid (its
 * `error_code`, or `error` in older versions): only these sign the user out. A rate limit (429), a
 * server fault, a timeout or a network failure says nothing about the session, which is kept.
 */
const REFUSED_REFRESH = [
  'refresh_token_not_found',
  'refresh_token_already_used',
  'session_not_found',
  'session_expired',
  'user_not_found',
  'user_banned',
  'invalid_grant',
]

function refusesRefreshToken(answer: TransportResponse): boolean {
  if (answer.statusCode < 400 || answer.statusCode >= 500 || answer.statusCode == 408 || answer.statusCode == 429) return false
  let body: { error_code?: unknown; error?: unknown } | null = null
  try {
    body = JSON.parse(decodeText(answer.data))
  } catch {
    return false
  }
  const code = body && (body.error_code || body.error)
  return typeof code == 'string' && REFUSED_REFRESH.indexOf(code) >= 0
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
  let lastForm: StoredForm = (session) => session

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

  const readStorage = async (storageKey: string): Promise<unknown> => {
    try {
      return await storage.getItem(storageKey)
    } catch {
      // Unreadable storage: called as anon.
    }
  }

  /**
   * The server refused `refused`'s refresh token. Another client (the auth client itself, say) may
   * have rotated the session meanwhile: then that one is used and nothing is removed. Otherwise the
   * user is signed out, removing only the refused session.
   */
  const signOutUnlessReplaced = async (refused: Session, storageKey: string) => {
    const raw = await readStorage(storageKey)
    const current = readStoredSession(raw)
    if (current.session && current.session.refresh_token !== refused.refresh_token) {
      lastRaw = raw
      lastSession = current.session
      lastForm = current.form
      return current.session
    }
    return store(() => storage.removeItem(storageKey), undefined, null)
  }

  const refresh = async (session: Session, form: StoredForm, { url, anonKey, transport }: ClientContext, storageKey: string) => {
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
      if (refusesRefreshToken(answer)) return signOutUnlessReplaced(session, storageKey)
      const next = answer.statusCode < 300 ? readStoredSession(decodeText(answer.data)).session : null
      if (next) {
        next.expires_at = next.expires_at || Math.round(Date.now() / 1000) + (next.expires_in as number)
        // Written back in the form it was read in, so the auth client that wrote it still reads it.
        const stored = form(next)
        return store(() => storage.setItem(storageKey, stored), stored, next)
      }
    } catch {
      // Handled below, with the other failures.
    } finally {
      clearTimeout(timer)
    }
    // A rate limit, a server fault or network trouble: keep the session, and let the next call try again.
    if (refreshing && refreshing.token == session.refresh_token) refreshing = undefined
    return session
  }

  return async (client) => {
    const storageKey = options.storageKey || defaultStorageKey(client.url)
    const raw = await readStorage(storageKey)
    const stored = raw === lastRaw ? { session: lastSession, form: lastForm } : readStoredSession(raw)
    let session = stored.session
    lastRaw = raw
    lastSession = session
    lastForm = stored.form
    if (session && client.url && session.refresh_token && (session.expires_at as number) * 1000 - Date.now() < EXPIRY_MARGIN_MS) {
      const token = session.refresh_token
      if (!refreshing || refreshing.token != token) refreshing = { token, promise: refresh(session, stored.form, client, storageKey) }
      session = await refreshing.promise
    }
    // A session kept through a failed refresh is still the user's: an expired token gets the relay's
    // typed refusal (RELAY_ERROR), never a silent call as anon.
    return session ? session.access_token : undefined
  }
}
