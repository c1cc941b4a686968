/**
 * The identity of a call, for the cache and for sharing identical calls: its name and options as JSON.
 * `undefined` when the options cannot be told apart that way (binary bodies, cycles).
 */
export function callKey(name: string, options: object): string | undefined {
  try {
    return JSON.stringify([name, options], (_key, value) => {
      if (typeof value == 'object' && value !== null && !Array.isArray(value) && Object.getPrototypeOf(value) !== Object.prototype) {
        throw new Error('not plain data')
      }
      return value
    })
  } catch {
    return undefined
  }
}
