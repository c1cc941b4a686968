import type { TransportFailureCode } from './codes'
import { FunctionsError } from './FunctionsError'

/** The request did not complete: see `code` for why. */
export class FunctionsFetchError extends FunctionsError {
  /** `NETWORK_ERROR`, `TIMEOUT`, `ABORTED`, `DOMAIN_NOT_ALLOWED`, `INTERRUPTED` or `CLOUD_RELAY_REFUSED`. */
  declare code: TransportFailureCode
  /** `hint`, if given, is appended to the message: what the user can do about it. */
  constructor(context: unknown, code: TransportFailureCode = 'NETWORK_ERROR', hint = '') {
    super('Failed to send a request to the Edge Function' + hint, 'FunctionsFetchError', context, code)
  }
}
