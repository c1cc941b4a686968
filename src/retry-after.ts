/** Milliseconds a `Retry-After` value asks to wait (seconds, or an HTTP-date); `undefined` when absent or unreadable. */
export function retryAfterMs(value: string | undefined, now = Date.now()): number | undefined {
  if (!value) return
  // HTTP-dates start with the weekday; anything else would meet Date.parse's guesswork ("1.5" is a date).
  const wait = /^\s*\d+\s*$/.test(value) ? +value * 1000 : /^\s*[a-z]{3}/i.test(value) ? Date.parse(value) - now : NaN
  // A date in the past means now.
  return Number.isNaN(wait) ? undefined : Math.max(0, wait)
}
