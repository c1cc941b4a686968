'use strict'
// uni-app's mp-alipay `uni.request` over a `my`: the `request` protocol of @dcloudio/uni-mp-alipay
// (3.0.0-5000720260410001, dist/uni.api.esm.js) and the wrapper that applies it, as that build runs them:
// - `header` becomes `headers`, names lower-cased, content-type application/json by default;
// - `responseType` is dropped with the warning "支付宝小程序 request 暂不支持 responseType";
// - every other option (`dataType` included) passes on unchanged;
// - each callback's result: `error`/`errorMessage` become `errMsg: 'request:fail <errorMessage>'`
//   (`'request:ok'` otherwise), then `status` is renamed `statusCode` and `headers` `header`.

const CALLBACKS = ['success', 'fail', 'cancel', 'complete']

/** What every callback of an Alipay API receives through uni: the generic returnValue, then request's renames. */
function uniResult(result) {
  const res = Object.assign({}, result)
  if (res.error || res.errorMessage) {
    res.errMsg = 'request:fail ' + (res.errorMessage || res.error)
    delete res.error
    delete res.errorMessage
  } else {
    res.errMsg = 'request:ok'
  }
  const renamed = {}
  for (const key of Object.keys(res)) renamed[key === 'status' ? 'statusCode' : key === 'headers' ? 'header' : key] = res[key]
  return renamed
}

/** A `uni` whose `request` is uni-app's mp-alipay one over `my`; warnings are kept in `uni.__warnings`. */
function createUniAlipay(my) {
  const uni = { __warnings: [] }
  uni.request = (fromArgs) => {
    const args = Object.assign({}, fromArgs)
    if (!args.header) args.header = {}
    const headers = { 'content-type': 'application/json' }
    for (const key of Object.keys(args.header)) headers[key.toLowerCase()] = args.header[key]
    const toArgs = {}
    for (const key of Object.keys(args)) {
      if (key === 'header') toArgs.headers = headers
      else if (key === 'responseType') uni.__warnings.push('支付宝小程序 request 暂不支持 responseType')
      else if (CALLBACKS.indexOf(key) !== -1) {
        const callback = args[key]
        if (typeof callback === 'function') toArgs[key] = (result) => callback(uniResult(result))
      } else if (!Object.hasOwn(toArgs, key)) toArgs[key] = args[key]
    }
    return my.request(toArgs)
  }
  uni.getStorageSync = (key) => {
    const { data } = my.getStorageSync({ key })
    return data === null ? '' : data
  }
  uni.setStorageSync = (key, data) => void my.setStorageSync({ key, data })
  uni.removeStorageSync = (key) => void my.removeStorageSync({ key })
  return uni
}

module.exports = { createUniAlipay }
