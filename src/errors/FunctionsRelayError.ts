import { FunctionsError } from './FunctionsError'

/** The Supabase relay in front of the function failed the call (`x-relay-error: true`). */
export class FunctionsRelayError extends FunctionsError {
  declare code: 'RELAY_ERROR'
  /** The answer's HTTP status (401 for a bad JWT). */
  status: number
  /** The relay's error body, parsed like `data` would be. */
  body: unknown
  constructor(context: any, body?: unknown) {
    super('Relay Error invoking the Edge Function', 'FunctionsRelayError', context, 'RELAY_ERROR')
    this.status = context && context.status
    this.body = body
  }
}
