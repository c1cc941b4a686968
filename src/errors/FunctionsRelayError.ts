import { FunctionsError } from './FunctionsError'

/** The Supabase relay in front of the function failed the call (`x-relay-error: true`). */
export class FunctionsRelayError extends FunctionsError {
  declare code: 'RELAY_ERROR'
  status: number
  body: unknown
  constructor(context: any, body?: unknown) {
    super('Relay Error invoking the Edge Function', 'FunctionsRelayError', context, 'RELAY_ERROR')
    this.status = context && context.status
    this.body = body
  }
}
