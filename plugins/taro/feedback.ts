import { hideLoading, showLoading, showToast } from '@tarojs/taro'
import type { PlatformFeedback } from '../use-invoke/feedback'

/**
 * The hooks' loading indicator and toast: Taro's. Named imports, not `Taro.showToast`: Taro's H5 build
 * keeps on its default object only the APIs the app's own code names (a library's uses are not seen).
 */
export const taroFeedback: PlatformFeedback = {
  showLoading: (options) => showLoading(options),
  hideLoading: () => hideLoading(),
  showToast: (options) => showToast(options),
}
