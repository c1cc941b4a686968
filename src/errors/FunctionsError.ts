import type { FunctionsErrorCode } from './codes'

/** Base class of every error `invoke` returns; `code` tells the cases apart. */
export class FunctionsError extends Error {
  /** What the error is about: the response (HTTP, relay, invalid response), the platform's failure, a cancel's reason, what a hook threw. */
  // biome-ignore lint/suspicious/noExplicitAny: whatever the platform or a hook failed with, as functions-js types it
  context: any
  /** Stable across releases: see {@link FunctionsErrorCode}. */
  code: FunctionsErrorCode
  constructor(message: string, name: string, code: FunctionsErrorCode, context?: unknown) {
    super(message)
    this.name = name
    this.code = code
    this.context = context
  }

  /** `{ name, message, context }`, as functions-js serializes its errors (for logs and reports). */
  toJSON() {
    return { name: this.name, message: this.message, context: this.context }
  }
}
