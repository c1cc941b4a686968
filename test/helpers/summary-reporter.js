'use strict'
// CI reads a plain closing line rather than jest's own summary: "N passed, N failed[, N skipped]".
// Printed at exit so that it comes after jest's summary and stays the last line.
class SummaryReporter {
  onRunComplete(_contexts, results) {
    const failed = results.numFailedTests + results.numRuntimeErrorTestSuites
    const skipped = results.numPendingTests + results.numTodoTests
    const line = `${results.numPassedTests} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`
    process.once('exit', () => process.stdout.write(`\n${line}\n`))
  }
}
module.exports = SummaryReporter
