/** How a streamed answer is read: the client's `stream` option, and `invoke`'s `stream` as an object. */
export interface StreamOptions {
  /** Milliseconds without a byte before the stream ends with a `TIMEOUT` error; `0` means none. Default 30000. */
  idleTimeout?: number
}
