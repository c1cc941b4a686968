import Taro from '@tarojs/taro'
import type { PlatformFeedback } from '../use-invoke/feedback'

/** The hooks' loading indicator and toast: Taro's, read at each use (an H5 test may lack them). */
export const taroFeedback: PlatformFeedback = {
  showLoading: (options) => Taro.showLoading(options),
  hideLoading: () => Taro.hideLoading(),
  showToast: (options) => Taro.showToast(options),
}
