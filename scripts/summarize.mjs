// Adds up the JSON reports of every test run (vitest and Playwright) into the one closing
// line CI reads: "N passed, N failed". A suite that did not produce its report counts as a failure.
import { existsSync, readFileSync } from 'node:fs'

let passed = 0
let failed = 0
let skipped = 0
for (const file of process.argv.slice(2)) {
  if (!existsSync(file)) {
    console.log(`✖ ${file}: no report (the suite did not run to the end)`)
    failed += 1
    continue
  }
  const r = JSON.parse(readFileSync(file, 'utf8'))
  if (r.stats && 'expected' in r.stats) {
    // Playwright
    passed += r.stats.expected + (r.stats.flaky ?? 0)
    failed += r.stats.unexpected
    skipped += r.stats.skipped
    if ((r.errors ?? []).length) failed += r.errors.length
  } else {
    // vitest: failed suites (e.g. a crash in beforeAll) count too
    passed += r.numPassedTests
    failed += r.numFailedTests + (r.numFailedTestSuites && !r.numFailedTests ? r.numFailedTestSuites : 0)
    skipped += (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0)
  }
}
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`)
process.exit(failed > 0 || passed === 0 ? 1 : 0)
