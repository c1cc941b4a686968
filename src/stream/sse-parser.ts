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
  let data: string | undefined
  let type = ''
  let id = ''
  let retry: number | undefined

  // Reads the whole lines of `text` from `start`, found with indexOf (no array of lines); gives back the unfinished one.
  const read = (text: string, start: number): string => {
    // The next ':' (Infinity: none left), so that lines without one do not search the rest again.
    let colon = -1
    for (;;) {
      const end = text.indexOf('\n', start)
      if (end < 0) return text.slice(start)
      if (colon < start) {
        colon = text.indexOf(':', start)
        if (colon < 0) colon = Number.POSITIVE_INFINITY
      }
      if (start == end) dispatch()
      else {
        const stop = Math.min(colon, end)
        const value = text.slice(text.charCodeAt(stop + 1) == 32 ? stop + 2 : stop + 1, end)
        setField(text.slice(start, stop), value)
      }
      start = end + 1
    }
  }

  // A blank line: the event gathered so far, if it has data.
  const dispatch = () => {
    if (data != null) {
      const event: ServerSentEvent = { event: type || 'message', data, id }
      if (retry !== undefined) event.retry = retry
      onEvent(event)
    }
    data = undefined
    retry = undefined
    type = ''
  }

  const setField = (field: string, value: string) => {
    if (field == 'data') data = data == null ? value : data + '\n' + value
    else if (field == 'event') type = value
    else if (field == 'id') {
      if (value.indexOf('\0') < 0) id = value
    } else if (field == 'retry' && /^\d+$/.test(value)) retry = +value
  }

  return (text) => {
    if (afterCR && text[0] == '\n') text = text.slice(1)
    if (!text) return
    afterCR = text[text.length - 1] == '\r'
    // CR and CRLF end a line as LF does (a CRLF split between two pieces: afterCR).
    if (text.indexOf('\r') >= 0) text = text.replace(/\r\n?/g, '\n')
    // The unfinished line is completed on its own, so the piece itself is never copied.
    const first = partial ? text.indexOf('\n') + 1 : 0
    if (first) partial = read(partial + text.slice(0, first), 0)
    partial += read(text, first)
  }
}
