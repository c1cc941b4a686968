import { FunctionsError } from '../../src/errors/FunctionsError'
import { FunctionsHookError } from '../../src/errors/FunctionsHookError'
import type { EventStream } from '../../src/stream/event-stream'
import type { ServerSentEvent } from '../../src/stream/sse-parser'
import type { InvokeError, ResponseLike } from '../../src/types'

/** What a stream has given so far. */
export interface StreamProgress {
  events: ServerSentEvent[]
  text: string
}

const pickData = (event: ServerSentEvent) => event.data

/**
 * Reads a streamed answer to its end, reporting each step: an event stream event by event (`text`
 * grows by `pick(event)`), any other streamed text (`text/plain`) piece by piece. Resolves with the
 * error that ended it, or `null`.
 */
export async function readStream(
  stream: EventStream,
  response: ResponseLike | undefined,
  pick: ((event: ServerSentEvent) => string) | undefined,
  onProgress: (progress: StreamProgress) => void,
): Promise<InvokeError | null> {
  const contentType = (response && response.headers.get('content-type')) || ''
  const progress: StreamProgress = { events: [], text: '' }
  const picker = pick || pickData
  let ended: FunctionsError | Error | null = null
  const onEvent = (event: ServerSentEvent) => {
    let added: string
    try {
      added = picker(event)
    } catch (thrown) {
      throw new FunctionsHookError('pick', thrown)
    }
    // A new array each time: frameworks see the change by identity.
    progress.events = progress.events.concat(event)
    progress.text += typeof added == 'string' ? added : ''
    onProgress(progress)
  }
  const onChunk = (chunk: string) => {
    progress.text += chunk
    onProgress(progress)
  }
  const isEventStream = /text\/event-stream/i.test(contentType)
  await stream.listen({
    onEvent: isEventStream ? onEvent : undefined,
    onChunk: isEventStream ? undefined : onChunk,
    onEnd: (error) => {
      ended = error
    },
  })
  return asInvokeError(ended)
}

/** Errors ending a stream are the client's own (with a code), or what `pick` threw, wrapped above. */
function asInvokeError(error: FunctionsError | Error | null): InvokeError | null {
  if (!error) return null
  if (error instanceof FunctionsError && error.code) return error as InvokeError
  return new FunctionsHookError('pick', error)
}
