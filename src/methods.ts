/** The methods `invoke` sends; WeChat's `wx.request` has no `PATCH`. */
export const HTTP_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'] as const

/** One of `HTTP_METHODS`. */
export type HttpMethod = (typeof HTTP_METHODS)[number]

/** Methods whose requests carry no body. */
export const hasNoBody = (method: HttpMethod) => method == 'GET' || method == 'HEAD'
