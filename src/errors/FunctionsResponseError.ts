import type { ResponseLike } from '../types'
import { FunctionsError } from './FunctionsError'

/** A 2xx answer whose body does not match its Content-Type (or is not the stream the call asked for); `context` is the response, still readable. */
export class FunctionsResponseError extends FunctionsError {
  declare code: 'INVALID_RESPONSE'
  /** The response: `await error.context.text()` reads the body as it came. */
  declare context: ResponseLike
  constructor(message: string, response: ResponseLike) {
    super(message, 'FunctionsResponseError', response, 'INVALID_RESPONSE')
  }
}
