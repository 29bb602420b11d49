// `npm test`: unit and integration tests, then the browser end-to-end tests,
// then one summary line in the plain 'N passed, N failed, N skipped' form.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'xiangyin-test-'));
const suites = [
  { name: 'unit + integration', config: 'vitest.config.ts' },
  { name: 'end-to-end (Chromium)', config: 'vitest.e2e.config.ts' },
];
const extra = process.argv.slice(2);
const totals = { passed: 0, failed: 0, skipped: 0 };
// Every failure again at the very end: a CI log kept only by its tail still names them.
const failures = [];
let exitCode = 0;

for (const s of suites) {
  console.log(`\n=== ${s.name} ===`);
  const out = path.join(tmp, `${path.basename(s.config, '.ts')}.json`);
  const r = spawnSync('npx', ['--no-install', 'vitest', 'run', '--config', s.config, '--reporter=default', '--reporter=json', `--outputFile.json=${out}`, ...extra], {
    stdio: 'inherit',
  });
  if (r.status !== 0) exitCode = 1;
  try {
    const j = JSON.parse(fs.readFileSync(out, 'utf8'));
    totals.passed += j.numPassedTests;
    totals.failed += j.numFailedTests;
    totals.skipped += j.numPendingTests + j.numTodoTests;
    // A suite that failed to load counts as a failure even with no failing test.
    if (j.numFailedTestSuites > 0 && j.numFailedTests === 0) totals.failed += j.numFailedTestSuites;
    for (const file of j.testResults ?? []) {
      const where = path.relative(process.cwd(), file.name);
      const tests = (file.assertionResults ?? []).filter((a) => a.status === 'failed');
      for (const a of tests) failures.push(`${where} > ${a.fullName ?? a.title}: ${String(a.failureMessages?.[0] ?? '').split('\n')[0].slice(0, 300)}`);
      if (file.status === 'failed' && tests.length === 0) failures.push(`${where}: ${String(file.message ?? 'failed to load').split('\n')[0].slice(0, 300)}`);
    }
  } catch {
    totals.failed += 1;
    exitCode = 1;
  }
}

if (failures.length) console.log(`\nfailed:\n${failures.map((f) => `  ${f}`).join('\n')}`);
console.log(`\ntests: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(exitCode || (totals.failed > 0 ? 1 : 0));
