/** One server-sent event. */
export interface ServerSentEvent {
  /** The `event:` field; `'message'` when the server sent none. */
  event: string
  /** The `data:` lines, joined with `\n`. */
  data: string
  /** The last `id:` the stream set (it carries over to later events). */
  id: string
  /** The `retry:` field of this event, in milliseconds, if it had one. */
  retry?: number
}

/**
 * The WHATWG event-stream parser (https://html.spec.whatwg.org/multipage/server-sent-events.html):
 * lines end with CRLF, LF or CR (also when a CRLF is split between two pieces), `:` lines are
 * comments, an empty line dispatches, an event without data is dropped, and so is an unfinished
 * event when the stream ends. Feed it decoded text in pieces of any size.
 */
export function createSseParser(onEvent: (event: ServerSentEvent) => void): (text: string) => void {
  let partial = ''
  let afterCR = false
  let data = ''
  let type = ''
  let id = ''
  let retry: number | undefined

  const line = (text: string) => {
    if (!text) {
      if (data) {
        const event: ServerSentEvent = { event: type || 'message', data: data.slice(0, -1), id }
        if (retry !== undefined) event.retry = retry
        onEvent(event)
      }
      data = type = ''
      retry = undefined
      return
    }
    const colon = text.indexOf(':')
    if (colon == 0) return
    const field = colon < 0 ? text : text.slice(0, colon)
    let value = colon < 0 ? '' : text.slice(colon + 1)
    if (value[0] == ' ') value = value.slice(1)
    if (field == 'data') data += value + '\n'
    else if (field == 'event') type = value
    else if (field == 'id') {
      if (value.indexOf('\0') < 0) id = value
    } else if (field == 'retry' && /^\d+$/.test(value)) retry = +value
  }

  return (text) => {
    if (!text) return
    if (afterCR && text[0] == '\n') text = text.slice(1)
    afterCR = text[text.length - 1] == '\r'
    // A plain split is several times faster, and most streams use LF only.
    const lines = (partial + text).split(text.indexOf('\r') < 0 ? '\n' : /\r\n|\r|\n/)
    partial = lines.pop()!
    for (let i = 0; i < lines.length; i++) line(lines[i])
  }
}
