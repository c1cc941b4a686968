import type { TransportFailureCode } from '../types'
import { FunctionsError } from './FunctionsError'

/** The request did not complete: see `code` for why. */
export class FunctionsFetchError extends FunctionsError {
  /** `NETWORK_ERROR`, `TIMEOUT`, `ABORTED`, `DOMAIN_NOT_ALLOWED` or `INTERRUPTED`. */
  declare code: TransportFailureCode
  constructor(context: any, code: TransportFailureCode = 'NETWORK_ERROR', hint?: string) {
    super('Failed to send a request to the Edge Function' + (hint || ''), 'FunctionsFetchError', context, code)
  }
}
