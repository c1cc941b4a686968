const { rollup } = require('rollup')
const terser = require('@rollup/plugin-terser')
const zlib = require('zlib')
const path = require('path')
;(async () => {
  const bundle = await rollup({ input: process.argv[2], external: (id) => !/^[./]/.test(id) && !path.isAbsolute(id), plugins: [{ name: 'x', resolveId(id, importer) { if (importer && /^\./.test(id)) return path.resolve(path.dirname(importer), id + (id.endsWith('.js') ? '' : '.js')) } }], treeshake: true })
  const { output } = await bundle.generate({ format: 'es' })
  let total = 0
  for (const [id, m] of Object.entries(output[0].modules).sort((a, b) => b[1].renderedLength - a[1].renderedLength)) { total += m.renderedLength; console.log(String(m.renderedLength).padStart(6), id.replace('/tmp/srcjs/', '')) }
  console.log(total)
})()
