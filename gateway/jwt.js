'use strict'
// Minimal HS256 JWT sign/verify, just enough to stand in for the Supabase relay and GoTrue.
const crypto = require('crypto')

const encode = (value) => Buffer.from(JSON.stringify(value), 'utf8').toString('base64url')
const decode = (part) => JSON.parse(Buffer.from(part, 'base64url').toString('utf8'))
const hmac = (data, secret) => crypto.createHmac('sha256', secret).update(data).digest('base64url')

/**
 * Sign `claims` as an HS256 JWT.
 * @param {Record<string, unknown>} claims
 * @param {string} secret
 * @returns {string}
 */
function signJwt(claims, secret) {
  const signingInput = `${encode({ alg: 'HS256', typ: 'JWT' })}.${encode(claims)}`
  return `${signingInput}.${hmac(signingInput, secret)}`
}

/**
 * Verify an HS256 JWT. Returns its claims, or null when the token is malformed,
 * not HS256, wrongly signed or expired (`exp` is in seconds; expired when now >= exp).
 * @param {string | undefined | null} token
 * @param {string} secret
 * @returns {Record<string, any> | null}
 */
function verifyJwt(token, secret) {
  if (typeof token !== 'string') return null
  const parts = token.split('.')
  if (parts.length !== 3) return null
  const [head, body, signature] = parts
  let header
  let claims
  try {
    header = decode(head)
    claims = decode(body)
  } catch {
    return null
  }
  if (!header || header.alg !== 'HS256') return null
  if (!claims || typeof claims !== 'object' || Array.isArray(claims)) return null
  // Compare the canonical base64url text: Buffer.from(..., 'base64url') would silently
  // ignore junk characters and accept a tampered signature string.
  const expected = Buffer.from(hmac(`${head}.${body}`, secret))
  const given = Buffer.from(signature)
  if (given.length !== expected.length || !crypto.timingSafeEqual(given, expected)) return null
  if (claims.exp !== undefined && !(typeof claims.exp === 'number' && Date.now() / 1000 < claims.exp)) return null
  return claims
}

module.exports = { signJwt, verifyJwt }
