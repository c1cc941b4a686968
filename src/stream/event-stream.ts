import type { FunctionsError } from '../errors/FunctionsError'
import { createSseParser, type ServerSentEvent } from './sse-parser'

/** Where `for await` looks for the iterator; Babel's helper also accepts the string key on old engines. */
const asyncIterator: typeof Symbol.asyncIterator =
  typeof Symbol == 'function' && Symbol.asyncIterator ? Symbol.asyncIterator : ('@@asyncIterator' as unknown as typeof Symbol.asyncIterator)

/** The callbacks of `stream.listen()`, for code that cannot use `for await`. */
export interface StreamHandlers {
  /** Each event, parsed by the WHATWG rules. */
  onEvent?(event: ServerSentEvent): void
  /** Decoded text as it arrives (never a broken character). */
  onChunk?(text: string): void
  /** Once, at the end: `null` when the stream finished or was cancelled. */
  onEnd?(error: FunctionsError | Error | null): void
}

/**
 * A function's answer arriving as it is written. Read it once, one way: `for await (const event of
 * stream)`, `for await (const text of stream.chunks())`, or `stream.listen({ onEvent, onChunk, onEnd })`.
 * A network failure, an idle timeout or an abort ends the reading with a `FunctionsFetchError`.
 */
export interface EventStream extends AsyncIterable<ServerSentEvent> {
  /** The raw text as it arrives, decoded (never a broken character). */
  chunks(): AsyncIterable<string>
  /** Resolves when the stream has ended, after `onEnd`. */
  listen(handlers: StreamHandlers): Promise<void>
  /** Stops reading and aborts the request; reading ends without an error. */
  cancel(): void
}

export interface EventStreamSource {
  stream: EventStream
  push(text: string): void
  end(error?: FunctionsError): void
}

/** A stream fed with decoded text by the transport layer; `stop` aborts the request. */
export function createEventStream(stop: () => void): EventStreamSource {
  const texts: string[] = []
  let ended = false
  let failure: FunctionsError | undefined
  let wake: (() => void) | undefined
  let reader: string | undefined

  const notify = () => {
    const resume = wake
    wake = undefined
    if (resume) resume()
  }
  const end = (error?: FunctionsError) => {
    if (ended) return
    ended = true
    failure = error
    notify()
  }
  const cancel = () => {
    if (!ended) stop()
    end()
  }
  const claim = (how: string) => {
    if (reader) throw new Error(`This EventStream is already read with ${reader}: read it once`)
    reader = how
  }
  // The next piece of text, or undefined at the end; rejects with the failure that ended the stream.
  const nextText = async (): Promise<string | undefined> => {
    while (!texts.length) {
      if (ended) {
        if (failure) throw failure
        return undefined
      }
      await new Promise<void>((resolve) => (wake = resolve))
    }
    return texts.shift()
  }
  const iterable = <T>(pull: () => Promise<T | undefined>): AsyncIterable<T> => {
    const iterator = {
      next: () => pull().then((value) => ({ done: value === undefined, value }) as IteratorResult<T>),
      // `break` in `for await` lands here: stop the request too.
      return: (value?: T) => {
        cancel()
        return Promise.resolve({ done: true, value } as IteratorResult<T>)
      },
      [asyncIterator]: () => iterator,
    }
    return iterator as unknown as AsyncIterable<T>
  }
  const events = () => {
    const parsed: ServerSentEvent[] = []
    const parse = createSseParser((event) => parsed.push(event))
    return async () => {
      while (!parsed.length) {
        const text = await nextText()
        if (text === undefined) return undefined
        parse(text)
      }
      return parsed.shift()
    }
  }

  const stream = {
    [asyncIterator]() {
      claim('for await')
      return iterable(events())[asyncIterator]()
    },
    chunks() {
      claim('chunks()')
      return iterable(nextText)
    },
    async listen({ onEvent, onChunk, onEnd }: StreamHandlers) {
      claim('listen()')
      const parse = onEvent && createSseParser(onEvent)
      let error: FunctionsError | Error | null = null
      try {
        let text = await nextText()
        while (text !== undefined) {
          if (onChunk) onChunk(text)
          if (parse) parse(text)
          text = await nextText()
        }
      } catch (e) {
        // A handler that throws stops the stream rather than leaving the request running.
        cancel()
        error = e as Error
      }
      if (onEnd) onEnd(error)
    },
    cancel,
  } as unknown as EventStream
  return {
    stream,
    push(text) {
      if (ended || !text) return
      texts.push(text)
      notify()
    },
    end,
  }
}
