import { decodeBase64, encodeBase64 } from '../base64'
import { isArrayBuffer } from '../bytes'
import type { TransportFailureCode } from '../errors/codes'
import { FunctionsRequestError } from '../errors/FunctionsRequestError'
import { endOnce } from '../exchange'
import type { Transport, TransportOptions } from '../transport'
import { encodeUtf8 } from '../utf8'

/** `wx.cloud` (or `Taro.cloud`): the one method the relay uses. */
export interface CloudLike {
  /** Calls the cloud function `name` with `data` as its event; `success` gets its `result`. */
  callFunction(options: {
    name: string
    data: RelayRequest
    config?: { env: string }
    success(result: { result?: unknown }): void
    fail(error: unknown): void
  }): unknown
}

/** What the relay cloud function receives as its `event`: one HTTP request. Version 1 of the protocol. */
export interface RelayRequest {
  mpFunctionsRelay: 1
  url: string
  method: string
  headers: Record<string, string>
  /** A text body, as it is. */
  body?: string
  /** A binary body: JSON carries no bytes, and WeChat turns an ArrayBuffer into an array of numbers. */
  bodyBase64?: string
  /** Milliseconds the relay may wait for the answer, when the call has a timeout. */
  timeout?: number
}

/** What the relay answers: the HTTP answer, or why it refused to send the request. */
export interface RelayAnswer {
  mpFunctionsRelay: 1
  status?: number
  headers?: Record<string, string>
  body?: string
  bodyBase64?: string
  refused?: { code: string; message: string }
}

/** How the transport over `callFunction` is set up. */
export interface CloudFunctionTransportOptions {
  /** The relay cloud function's name. */
  name: string
  /** The cloud environment, when not the one given to `wx.cloud.init`. */
  env?: string
  /** Request bodies over this many bytes (as sent) are refused before anything is sent. */
  maxBodyBytes: number
}

/** The code of a relay's refusal: a failure to reach the function (upstream) is not a refusal. */
function failureCodeOf(refusal: string): TransportFailureCode {
  if (refusal == 'UPSTREAM_TIMEOUT') return 'TIMEOUT'
  if (refusal == 'UPSTREAM_UNREACHABLE') return 'NETWORK_ERROR'
  return 'CLOUD_RELAY_REFUSED'
}

/** What to do about a failed `callFunction`, by its message (`errMsg`, or an Error's), with its code. */
function classifyCallFailure(failure: unknown, name: string): [TransportFailureCode, string] {
  const record = (failure || {}) as { errMsg?: unknown; message?: unknown }
  const message = String(record.errMsg || record.message || failure)
  if (/isn't enabled|cloud\.init/i.test(message)) {
    return ['NETWORK_ERROR', ': wx.cloud is not initialised: call wx.cloud.init() (Taro.cloud.init()) when the app starts']
  }
  if (/-501000|could not be found/i.test(message)) {
    return [
      'NETWORK_ERROR',
      `: no cloud function named ${name} in the cloud environment: deploy cloudfunctions/mp-functions-relay under that name`,
    ]
  }
  if (/-504003|timed? ?out/i.test(message)) {
    return [
      'TIMEOUT',
      `: the cloud function ${name} ran past its time limit: raise it in the cloud console (版本与配置, at most 60 s), above the relay's RELAY_TIMEOUT_MS`,
    ]
  }
  return ['NETWORK_ERROR', '']
}

/** The request as the relay takes it, or why it cannot be carried. */
function relayRequestOf(request: TransportOptions, maxBodyBytes: number): RelayRequest | FunctionsRequestError {
  const relayed: RelayRequest = { mpFunctionsRelay: 1, url: request.url, method: request.method, headers: request.header }
  if (request.timeout) relayed.timeout = request.timeout
  const { data } = request
  let size = 0
  if (typeof data == 'string') {
    relayed.body = data
    size = encodeUtf8(data).byteLength
  } else if (isArrayBuffer(data)) {
    relayed.bodyBase64 = encodeBase64(data)
    size = relayed.bodyBase64.length
  } else if (data != null) {
    return new FunctionsRequestError('cloudRelay carries text, JSON and ArrayBuffer bodies only')
  }
  if (size > maxBodyBytes) {
    return new FunctionsRequestError(
      `cloudRelay: the body is ${size} bytes as sent, over maxBodyBytes (${maxBodyBytes}, WeChat's advice for callFunction data): ` +
        'upload large files with wx.cloud.uploadFile and send the fileID instead',
    )
  }
  return relayed
}

const isStringRecord = (value: unknown): value is Record<string, string> =>
  Boolean(value) &&
  typeof value == 'object' &&
  !Array.isArray(value) &&
  Object.keys(value as object).every((key) => typeof (value as Record<string, unknown>)[key] == 'string')

/** The answer's bytes, if the relay's answer is well formed. */
function bodyOf(answer: RelayAnswer): ArrayBuffer | undefined {
  if (typeof answer.bodyBase64 == 'string') return decodeBase64(answer.bodyBase64)
  if (typeof answer.body == 'string') return encodeUtf8(answer.body)
  if (answer.body == null) return new ArrayBuffer(0)
}

/**
 * Carries each request through a cloud function (`callFunction`, which needs no request domain list)
 * to the relay, which makes the HTTPS request and answers with its status, headers and body. A
 * `callFunction` cannot be cancelled: an aborted request ends here at once, and the relay's late answer
 * is dropped. Nothing streams through it: an event stream arrives whole, once it has ended.
 */
export function cloudFunctionTransport(cloud: CloudLike, options: CloudFunctionTransportOptions): Transport {
  const { name, env, maxBodyBytes } = options
  return (request) => {
    const relayed = relayRequestOf(request, maxBodyBytes)
    if (relayed instanceof FunctionsRequestError) return request.fail(relayed)
    const exchange = endOnce(request)
    const notRelay = (result: unknown) =>
      exchange.fail(
        result,
        'NETWORK_ERROR',
        `: the cloud function ${name} did not answer as the mp-functions relay: deploy cloudfunctions/mp-functions-relay under that name`,
      )
    cloud.callFunction({
      name,
      data: relayed,
      config: env ? { env } : undefined,
      success(outcome) {
        const answer = (outcome && outcome.result) as RelayAnswer | undefined
        if (!answer || answer.mpFunctionsRelay !== 1) return notRelay(outcome)
        const { refused } = answer
        if (refused && typeof refused.code == 'string') {
          const code = failureCodeOf(refused.code)
          return exchange.fail(
            refused,
            code,
            `: the cloud relay ${code == 'CLOUD_RELAY_REFUSED' ? 'refused it' : 'failed'} (${refused.code}): ${refused.message}`,
          )
        }
        const data = bodyOf(answer)
        const { status, headers } = answer
        const validStatus = typeof status == 'number' && status % 1 == 0 && status >= 100 && status <= 599
        if (!data || !validStatus || !isStringRecord(headers)) return notRelay(outcome)
        exchange.success({ statusCode: status, header: headers, data })
      },
      fail(failure) {
        const [code, hint] = classifyCallFailure(failure, name)
        exchange.fail(failure, code, hint)
      },
    })
    return {
      abort() {
        exchange.fail(new Error('The call was cancelled; its callFunction still runs to its end'), 'ABORTED')
      },
    }
  }
}
