import type { FunctionsErrorCode } from './codes'

/** Base class of every error `invoke` returns; `code` tells the cases apart. */
export class FunctionsError extends Error {
  /** What the error is about: the response (HTTP, relay, invalid response), the platform's failure, a cancel's reason, what a hook threw. */
  // biome-ignore lint/suspicious/noExplicitAny: whatever the platform or a hook failed with, as functions-js types it
  context: any
  /** Stable across releases: see {@link FunctionsErrorCode}. Every error `invoke` returns has one. */
  code?: FunctionsErrorCode
  /** The arguments of functions-js's `FunctionsError`, then the code. */
  constructor(message: string, name = 'FunctionsError', context?: unknown, code?: FunctionsErrorCode) {
    super(message)
    this.name = name
    this.context = context
    this.code = code
  }

  /** `{ name, message, context }`, as functions-js serializes its errors (for logs and reports). */
  toJSON() {
    return { name: this.name, message: this.message, context: this.context }
  }
}
