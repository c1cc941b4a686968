const { minify } = require('terser')
const fs = require('fs'), zlib = require('zlib'), path = require('path')
;(async () => {
  const files = process.argv.slice(2)
  let all = ''
  for (const f of files) {
    const code = fs.readFileSync(f, 'utf8').replace(/^import .*$/gm, '')
    const out = await minify(code, { module: true, compress: true, mangle: true })
    all += out.code
    console.log(String(out.code.length).padStart(6), String(zlib.gzipSync(out.code, { level: 9 }).length).padStart(6), f.replace('/tmp/srcjs/', ''))
  }
  console.log('all', all.length, zlib.gzipSync(all, { level: 9 }).length)
})()
