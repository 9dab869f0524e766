// Prints one closing line for the whole test run ("N passed, N failed, N skipped") from the
// JSON reports of vitest and Playwright, so CI's log says what ran at a glance.
import { existsSync, readFileSync } from 'node:fs';

const read = (file) => (existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : null);
const unit = read('reports/unit.json');
const e2e = read('reports/e2e.json');
if (!unit || !e2e) {
  console.error('test-summary: a report is missing (reports/unit.json, reports/e2e.json)');
  process.exit(1);
}
const passed = unit.numPassedTests + (e2e.stats.expected ?? 0) + (e2e.stats.flaky ?? 0);
const failed = unit.numFailedTests + (e2e.stats.unexpected ?? 0);
const skipped = unit.numPendingTests + unit.numTodoTests + (e2e.stats.skipped ?? 0);
console.log(`unit ${unit.numPassedTests} passed; e2e ${e2e.stats.expected} passed, ${e2e.stats.skipped} skipped`);
console.log(`tests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed > 0 ? 1 : 0);
