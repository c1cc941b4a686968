import type { FunctionsErrorCode } from '../types'

/** Base class of every error `invoke` returns; `code` tells the cases apart. */
export class FunctionsError extends Error {
  context: any
  code!: FunctionsErrorCode
  constructor(message: string, name = 'FunctionsError', context?: any, code?: FunctionsErrorCode) {
    super(message)
    this.name = name
    this.context = context
    this.code = code!
  }

  toJSON() {
    return { name: this.name, message: this.message, context: this.context }
  }
}
