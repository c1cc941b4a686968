'use strict'
// Serves a built H5 app from a directory on 127.0.0.1 (random port unless one is given): for the
// end-to-end tests and `npm run demo`.
const fs = require('fs')
const http = require('http')
const path = require('path')

const types = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
}

function serveStatic(root, port = 0) {
  const server = http.createServer((req, res) => {
    const pathname = decodeURIComponent(req.url.split(/[?#]/)[0])
    let file = path.join(root, path.normalize(pathname).replace(/^(\.\.[/\\])+/, ''))
    if (!file.startsWith(root) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) file = path.join(root, 'index.html')
    res.writeHead(200, { 'Content-Type': types[path.extname(file)] || 'application/octet-stream' })
    fs.createReadStream(file).pipe(res)
  })
  return new Promise((resolve) => {
    server.listen(port, '127.0.0.1', () => {
      resolve({ url: `http://127.0.0.1:${server.address().port}`, close: () => new Promise((done) => server.close(done)) })
    })
  })
}

module.exports = { serveStatic }
