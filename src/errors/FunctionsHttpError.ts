import { FunctionsAnswerError } from './FunctionsAnswerError'

/** The function answered with a non-2xx status; `status` and `body` save reading `context`. */
export class FunctionsHttpError extends FunctionsAnswerError {
  declare code: 'HTTP_ERROR'
  /** `context`: the response, as in functions-js. */
  constructor(context: unknown, body?: unknown) {
    super('Edge Function returned a non-2xx status code', 'FunctionsHttpError', 'HTTP_ERROR', context, body)
  }
}
