import { FunctionsAnswerError } from './FunctionsAnswerError'

/** The Supabase relay in front of the function failed the call (`x-relay-error: true`); `status` is 401 for a bad JWT. */
export class FunctionsRelayError extends FunctionsAnswerError {
  declare code: 'RELAY_ERROR'
  /** `context`: the response, as in functions-js. */
  constructor(context: unknown, body?: unknown) {
    super('Relay Error invoking the Edge Function', 'FunctionsRelayError', 'RELAY_ERROR', context, body)
  }
}
