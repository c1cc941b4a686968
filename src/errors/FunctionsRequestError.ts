import { FunctionsError } from './FunctionsError'

/** The call or the client's options are wrong; nothing was sent. The message says what to change. */
export class FunctionsRequestError extends FunctionsError {
  declare code: 'INVALID_REQUEST'
  constructor(message: string, context?: unknown) {
    super(message, 'FunctionsRequestError', context, 'INVALID_REQUEST')
  }
}
