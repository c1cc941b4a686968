import type { Session } from './types'

/** How a session was stored: gives a refreshed one in the same form. */
export type StoredForm = (session: Session) => unknown

/** A session as read from storage, and the form to write a refreshed one back in. */
export interface StoredSession {
  session: Session | null
  form: StoredForm
}

const asIs: StoredForm = (session) => session

const isSession = (value: unknown): value is Session => {
  const token = value && typeof value == 'object' ? (value as { access_token?: unknown }).access_token : undefined
  return typeof token == 'string' && token !== ''
}

/**
 * The frameworks' storage wrappers, seen where storage is read raw: Taro H5 keeps `{"data": value}`
 * in localStorage, uni-app H5 `{"type": "object", "data": value}`.
 */
function isWrapper(value: object): value is { data: unknown } {
  const keys = Object.keys(value)
  return 'data' in value && (keys.length == 1 || (keys.length == 2 && 'type' in value))
}

/**
 * Reads a stored session in any form an auth client or a framework leaves it in — JSON text (supabase-js,
 * the seed SDK), an object (wx/uni storage), or inside Taro's or uni-app's H5 wrapper — and notes that
 * form, so a refreshed session is written back exactly so and the auth client still reads it.
 */
export function readStoredSession(raw: unknown, depth = 0): StoredSession {
  if (typeof raw == 'string' && depth < 3) {
    let parsed: unknown
    try {
      parsed = JSON.parse(raw)
    } catch {
      return { session: null, form: asIs }
    }
    const inner = readStoredSession(parsed, depth + 1)
    return { session: inner.session, form: (session) => JSON.stringify(inner.form(session)) }
  }
  if (isSession(raw)) return { session: raw, form: asIs }
  if (raw && typeof raw == 'object' && isWrapper(raw) && depth < 3) {
    const inner = readStoredSession(raw.data, depth + 1)
    return { session: inner.session, form: (session) => Object.assign({}, raw, { data: inner.form(session) }) }
  }
  return { session: null, form: asIs }
}
