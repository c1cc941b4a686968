// Makes the checked request and reads its answer, within the policy's time and size limits.
const http = require('http')
const https = require('https')
const { Refusal } = require('./policy')

/** Answer headers that describe the connection, not the answer: the relay's own answer has none of them. */
const CONNECTION_HEADERS = ['connection', 'keep-alive', 'transfer-encoding', 'content-length', 'set-cookie']

function answerHeaders(raw) {
  const headers = {}
  for (const name of Object.keys(raw)) {
    if (!CONNECTION_HEADERS.includes(name)) headers[name] = Array.isArray(raw[name]) ? raw[name].join(', ') : String(raw[name])
  }
  return headers
}

/** The body as text when it is valid UTF-8 (most answers: JSON), else as base64, so every byte arrives. */
function encodeBody(bytes) {
  const text = bytes.toString('utf8')
  return Buffer.byteLength(text) === bytes.length && Buffer.from(text, 'utf8').equals(bytes)
    ? { body: text }
    : { bodyBase64: bytes.toString('base64') }
}

/** Resolves with `{ status, headers, body | bodyBase64 }`; rejects with a Refusal. Never follows redirects. */
function forward(request, policy) {
  const { url, method, headers, body, timeoutMs } = request
  const client = url.protocol === 'https:' ? https : http
  return new Promise((resolve, reject) => {
    const outgoing = client.request(url, { method, headers: Object.assign({}, headers, body ? { 'content-length': body.length } : {}) })
    let contentType = ''
    const timer = setTimeout(() => {
      const streaming = /^text\/event-stream/i.test(contentType)
      const why = streaming
        ? 'the event stream did not end in time: callFunction carries whole answers only, so a stream must end within RELAY_TIMEOUT_MS'
        : `no complete answer within ${timeoutMs} ms`
      outgoing.destroy()
      reject(new Refusal('UPSTREAM_TIMEOUT', why))
    }, timeoutMs)
    outgoing.on('error', (error) => {
      clearTimeout(timer)
      reject(new Refusal('UPSTREAM_UNREACHABLE', `the request failed: ${error.code || error.message}`))
    })
    outgoing.on('response', (answer) => {
      contentType = String(answer.headers['content-type'] || '')
      const chunks = []
      let size = 0
      answer.on('data', (chunk) => {
        size += chunk.length
        if (size <= policy.maxAnswerBytes) return chunks.push(chunk)
        clearTimeout(timer)
        outgoing.destroy()
        reject(new Refusal('ANSWER_TOO_LARGE', `the answer is over RELAY_MAX_ANSWER_BYTES (${policy.maxAnswerBytes})`))
      })
      answer.on('end', () => {
        clearTimeout(timer)
        resolve(Object.assign({ status: answer.statusCode, headers: answerHeaders(answer.headers) }, encodeBody(Buffer.concat(chunks))))
      })
      answer.on('aborted', () => {
        clearTimeout(timer)
        reject(new Refusal('UPSTREAM_UNREACHABLE', 'the connection broke before the answer was complete'))
      })
    })
    outgoing.end(body)
  })
}

module.exports = { forward }
