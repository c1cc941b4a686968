// mp-functions relay: carries a functions call from a mini-program (wx.cloud.callFunction, which needs no
// request domain list) to the origins in RELAY_ORIGINS, and answers with the status, headers and body.
// Deploy this folder as a cloud function (Node.js 12 or later, no dependencies) and set its environment
// variables; see README.md. It logs one line per call: never a header, a query or a body.
const { readPolicy, checkRequest, Refusal } = require('./policy')
const { forward } = require('./forward')

exports.main = async (event) => {
  const started = Date.now()
  let target = ''
  try {
    const policy = readPolicy(process.env)
    const request = checkRequest(event, policy)
    target = request.url.origin + request.url.pathname
    const answer = await forward(request, policy)
    console.log(JSON.stringify({ method: request.method, target, status: answer.status, ms: Date.now() - started }))
    return Object.assign({ mpFunctionsRelay: 1 }, answer)
  } catch (error) {
    const refusal = error instanceof Refusal ? error : new Refusal('RELAY_FAILED', 'the relay failed: ' + (error && error.message))
    console.log(JSON.stringify({ target, refused: refusal.code, ms: Date.now() - started }))
    return { mpFunctionsRelay: 1, refused: { code: refusal.code, message: refusal.message } }
  }
}
