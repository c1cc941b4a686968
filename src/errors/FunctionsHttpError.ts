import type { ResponseLike } from '../types'
import { FunctionsAnswerError } from './FunctionsAnswerError'

/** The function answered with a non-2xx status; `status` and `body` save reading `context`. */
export class FunctionsHttpError extends FunctionsAnswerError {
  declare code: 'HTTP_ERROR'
  constructor(response: ResponseLike, body?: unknown) {
    super('Edge Function returned a non-2xx status code', 'FunctionsHttpError', 'HTTP_ERROR', response, body)
  }
}
