import type { FunctionsErrorCode } from '../types'

/** Base class of every error `invoke` returns; `code` tells the cases apart. */
export class FunctionsError extends Error {
  /** What the error is about: the response (HTTP, relay, invalid response), the platform's failure, a cancel's reason, what a hook threw. */
  context: any
  /** Stable across releases: see {@link FunctionsErrorCode}. */
  code!: FunctionsErrorCode
  constructor(message: string, name = 'FunctionsError', context?: any, code?: FunctionsErrorCode) {
    super(message)
    this.name = name
    this.context = context
    this.code = code!
  }

  /** `{ name, message, context }`, as functions-js serializes its errors (for logs and reports). */
  toJSON() {
    return { name: this.name, message: this.message, context: this.context }
  }
}
