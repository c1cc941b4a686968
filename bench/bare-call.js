'use strict'
// The baseline "no client" call: the request mp-functions would make, built by hand and handed to a
// transport, with the same decode and JSON parse. One decoder, as mp-functions keeps one: a fresh
// one per call would flatter mp-functions.
const decoder = new TextDecoder()

/** A function that POSTs `body` as JSON to `url` through `transport` with the anon key, resolving to `{ data, error }`. */
const bareCall = (transport, url, anonKey, body) => () =>
  new Promise((resolve, reject) =>
    transport({
      url,
      method: 'POST',
      header: { 'Content-Type': 'application/json', Authorization: 'Bearer ' + anonKey, apikey: anonKey },
      data: JSON.stringify(body),
      success: (answer) => resolve({ data: JSON.parse(decoder.decode(answer.data)), error: null }),
      fail: reject,
    }),
  )

module.exports = { bareCall }
