import type { FunctionsErrorCode } from './codes'
import { FunctionsError } from './FunctionsError'

/** What an HTTP error and a relay error share: an answer came, with a status and a body. */
export class FunctionsAnswerError extends FunctionsError {
  /** The answer's HTTP status. */
  status: number
  /** The error body, parsed like `data` would be (JSON, text or ArrayBuffer). */
  body: unknown
  /** `context` is the response, as in functions-js (anything with a `status`). */
  constructor(message: string, name: string, code: FunctionsErrorCode, context: unknown, body?: unknown) {
    super(message, name, context, code)
    const status = context && (context as { status?: unknown }).status
    this.status = typeof status == 'number' ? status : 0
    this.body = body
  }
}
