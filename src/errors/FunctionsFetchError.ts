import type { TransportFailureCode } from '../types'
import { FunctionsError } from './FunctionsError'

/** The request did not complete: network failure, `TIMEOUT` or `ABORTED` (see `code`). */
export class FunctionsFetchError extends FunctionsError {
  declare code: TransportFailureCode
  constructor(context: any, code: TransportFailureCode = 'NETWORK_ERROR') {
    super('Failed to send a request to the Edge Function', 'FunctionsFetchError', context, code)
  }
}
