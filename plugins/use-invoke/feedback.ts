import type { InvokeError } from '../../src/types'
import type { InvokeBehaviour } from './options'

/** The part of `Taro` / `uni` the hooks show feedback with. */
export interface PlatformFeedback {
  showLoading(options: { title: string; mask?: boolean }): unknown
  hideLoading(): unknown
  showToast(options: { title: string; icon: 'none'; duration?: number }): unknown
}

const DEFAULT_LOADING_TITLE = '加载中'

// The platform has one loading indicator: it is shown by the first call wanting it and hidden by
// the last, so two calls at once do not hide each other's.
let loadingCalls = 0

/** A UI call must never break a request: a platform or test without it just shows nothing. */
function safely(show: () => unknown): void {
  try {
    show()
  } catch {
    // Nothing shown; the state is still right.
  }
}

/** Shows the loading indicator for one call; returns how to take that call's share away (once). */
export function showCallLoading(ui: PlatformFeedback | undefined, loading: InvokeBehaviour['loading']): () => void {
  if (!ui || !loading) return () => {}
  const title = typeof loading == 'string' ? loading : DEFAULT_LOADING_TITLE
  if (loadingCalls++ == 0) safely(() => ui.showLoading({ title }))
  let ended = false
  return () => {
    if (ended) return
    ended = true
    if (--loadingCalls == 0) safely(() => ui.hideLoading())
  }
}

/** The error toast of a failed call, if the options ask for one. */
export function showErrorToast(ui: PlatformFeedback | undefined, errorToast: InvokeBehaviour['errorToast'], error: InvokeError): void {
  if (!ui || !errorToast) return
  let title = error.message
  if (typeof errorToast == 'function') {
    try {
      title = errorToast(error)
    } catch {
      // A message function that throws still leaves the default message.
    }
  }
  safely(() => ui.showToast({ title, icon: 'none' }))
}
