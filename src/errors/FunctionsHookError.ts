import { FunctionsError } from './FunctionsError'

/** A hook of `withHooks` threw or rejected; `context` is what it threw. */
export class FunctionsHookError extends FunctionsError {
  declare code: 'HOOK_ERROR'
  constructor(hook: string, context: any) {
    super(`The ${hook} hook failed: ${(context && context.message) || context}`, 'FunctionsHookError', context, 'HOOK_ERROR')
  }
}
