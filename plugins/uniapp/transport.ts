import { miniProgramTransport } from '../../src/transports/mini-program'
import type { Transport } from '../../src/transport'

/**
 * `uni.request` as a transport (mp-weixin and other mini-programs, H5, App). Written as the literal
 * member call `uni.request(...)`: uni-app's H5 build rewrites exactly that form into its own
 * implementation, and a `uni` read into a variable has no `request` there.
 */
export const uniTransport = (): Transport => miniProgramTransport((options) => uni.request(options))
