/** One remembered answer, and when it arrived (milliseconds). */
export interface CacheEntry {
  data: unknown
  time: number
}

// Small on purpose: the pages a user goes back to, not a data store. Map keeps insertion order,
// so the first key is the least recently written.
const LIMIT = 50
const entries = new Map<string, CacheEntry>()

export function readCache(key: string): CacheEntry | undefined {
  return entries.get(key)
}

export function writeCache(key: string, data: unknown): void {
  entries.delete(key)
  entries.set(key, { data, time: Date.now() })
  if (entries.size > LIMIT) {
    const oldest = entries.keys().next()
    if (!oldest.done) entries.delete(oldest.value)
  }
}

/** Forgets one cached answer (by its `cache.key`), or all of them. */
export function clearInvokeCache(key?: string): void {
  if (key === undefined) entries.clear()
  else entries.delete(key)
}
