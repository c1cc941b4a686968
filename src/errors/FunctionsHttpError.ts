import { FunctionsError } from './FunctionsError'

/** The function answered with a non-2xx status; `status` and `body` save reading `context`. */
export class FunctionsHttpError extends FunctionsError {
  declare code: 'HTTP_ERROR'
  /** The answer's HTTP status. */
  status: number
  /** The error body, parsed like `data` would be (JSON, text or ArrayBuffer). */
  body: unknown
  constructor(context: any, body?: unknown) {
    super('Edge Function returned a non-2xx status code', 'FunctionsHttpError', context, 'HTTP_ERROR')
    this.status = context && context.status
    this.body = body
  }
}
