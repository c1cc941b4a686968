import type { ResponseLike } from '../types'
import type { FunctionsErrorCode } from './codes'
import { FunctionsError } from './FunctionsError'

/** What an HTTP error and a relay error share: an answer came, with a status and a body. */
export class FunctionsAnswerError extends FunctionsError {
  /** The answer's HTTP status. */
  status: number
  /** The error body, parsed like `data` would be (JSON, text or ArrayBuffer). */
  body: unknown
  constructor(message: string, name: string, code: FunctionsErrorCode, response: ResponseLike, body?: unknown) {
    super(message, name, code, response)
    this.status = response && response.status
    this.body = body
  }
}
