import { FunctionsError } from './FunctionsError'

/** A hook of the `hooks` feature threw or rejected; `context` is what it threw. */
export class FunctionsHookError extends FunctionsError {
  declare code: 'HOOK_ERROR'
  constructor(hook: string, thrown: unknown) {
    // Anything with a message (an Error, or a plain object thrown from JS) is told by it.
    const message = thrown && typeof thrown == 'object' && (thrown as { message?: unknown }).message
    const reason = message || thrown
    super(`The ${hook} hook failed: ${reason}`, 'FunctionsHookError', thrown, 'HOOK_ERROR')
  }
}
