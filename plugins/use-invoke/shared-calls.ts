import { type AbortSignalLike, createAbortController } from '../../src/abort'
import type { FunctionsResponse } from '../../src/types'

type Answer = FunctionsResponse<unknown>

/** A request several hooks wait for; aborted only when the last of them has left. */
interface SharedCall {
  answer: Promise<Answer>
  users: number
  abort(): void
}

const running = new Map<string, SharedCall>()

/** A hook's share of a call: the answer, and how to stop waiting for it. */
export interface CallShare {
  answer: Promise<Answer>
  leave(): void
}

/**
 * Joins the identical call already running under `key`, or starts it with `send`. The request is
 * aborted when every hook waiting for it has left (cancelled or unmounted) before it answered.
 */
export function joinCall(key: string, send: (signal: AbortSignalLike) => Promise<Answer>): CallShare {
  let call = running.get(key)
  if (!call) {
    const controller = createAbortController()
    const started: SharedCall = { answer: send(controller.signal), users: 0, abort: () => controller.abort() }
    started.answer.then(() => {
      if (running.get(key) === started) running.delete(key)
    })
    running.set(key, started)
    call = started
  }
  const joined = call
  joined.users++
  let left = false
  return {
    answer: joined.answer,
    leave() {
      if (left) return
      left = true
      joined.users--
      if (joined.users == 0 && running.get(key) === joined) {
        running.delete(key)
        joined.abort()
      }
    },
  }
}
