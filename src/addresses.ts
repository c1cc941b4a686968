import { FunctionsRequestError } from './errors/FunctionsRequestError'
import { functionUrl, originOf } from './url'

/** Names remembered at most; names made from ids must not grow the book forever. */
const MAX_REMEMBERED = 256

/**
 * Where each function name goes, checked against the trusted origins: a user's token never goes where
 * the user did not send it. Building and checking an address is most of a call's own work, so each
 * name's is remembered, and the book is emptied when full.
 */
export function createAddressBook(functionsUrl: string, trusted: string[]): (name: string) => string {
  let addresses: Record<string, string> = Object.create(null)
  let remembered = 0
  return (name) => {
    const known = typeof name == 'string' ? addresses[name] : undefined
    if (known) return known
    const address = functionUrl(functionsUrl, name)
    const origin = originOf(address)
    if (!origin || trusted.indexOf(origin) < 0) {
      throw new FunctionsRequestError(`Not sending keys to ${origin || address}: add it to trustedOrigins`)
    }
    if (remembered == MAX_REMEMBERED) {
      addresses = Object.create(null)
      remembered = 0
    }
    remembered++
    addresses[name] = address
    return address
  }
}
