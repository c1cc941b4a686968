import { execFile } from 'child_process'
import { join } from 'path'

// Keeps the README's "see it work" command true: the demo starts the gateway and every call works.
it('npm run demo: the gateway starts and each demo call prints its result', (done) => {
  execFile(process.execPath, [join(__dirname, '..', 'scripts', 'demo.js'), '--once', '--port', '0'], (error, stdout) => {
    expect(error).toBeNull()
    expect(stdout).toMatch(/local functions gateway: http:\/\/127\.0\.0\.1:\d+/)
    expect(stdout).toContain('{"message":"Hello 世界!"}')
    expect(stdout).toContain('你好，世界！🌏 mp-functions')
    expect(stdout).toContain('ArrayBuffer [1,2,3]')
    expect(stdout).toContain('"role":"authenticated"')
    expect(stdout).toContain('FunctionsHttpError (true) status 418')
    expect(stdout).toContain('FunctionsFetchError code TIMEOUT')
    done()
  })
})
