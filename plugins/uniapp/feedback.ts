import type { PlatformFeedback } from '../use-invoke/feedback'

/** The hooks' loading indicator and toast: uni-app's, read at each use. */
export const uniFeedback: PlatformFeedback = {
  showLoading: (options) => uni.showLoading(options),
  hideLoading: () => uni.hideLoading(),
  showToast: (options) => uni.showToast(options),
}
