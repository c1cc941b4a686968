/**
 * The storage key supabase-js keeps a project's session under: `sb-<first label of the URL's host>-auth-token`
 * (`sb-abcd-auth-token` for `https://abcd.supabase.co`); `''` for a URL without a host.
 */
export function defaultStorageKey(url: string | undefined): string {
  const host = /\/\/([^.:/]+)/.exec(url || '')
  return host ? `sb-${host[1]}-auth-token` : ''
}
