#!/usr/bin/env node
// `npm test`: type-check, build, unit tests (node:test), then the integration and UI tests in a real VS Code.
// Ends with one bare "N passed, N failed" line over all suites, which CI reads.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';

const totals = { passed: 0, failed: 0, skipped: 0 };
const step = (name, cmd, args, env = {}) => {
  console.log(`\n== ${name}: ${[cmd, ...args].join(' ')}`);
  return spawnSync(cmd, args, { stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8', env: { ...process.env, ...env }, maxBuffer: 1 << 28 });
};
const mustPass = (name, r) => {
  process.stdout.write(r.stdout ?? '');
  if (r.status !== 0) {
    console.log(`${name} failed (exit ${r.status})`);
    totals.failed++;
    finish();
  }
};
function finish() {
  console.log(`\ntests: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
  console.log(`${totals.passed} passed, ${totals.failed} failed`);
  process.exit(totals.failed ? 1 : 0);
}

mustPass('typecheck', step('typecheck', 'npx', ['tsc', '--noEmit']));
mustPass('build', step('build', 'npm', ['run', 'build', '--silent']));

const unit = step('unit', process.execPath, ['--import', 'tsx', '--test', '--test-reporter=spec', ...listTests('test/unit')]);
process.stdout.write(unit.stdout ?? '');
const count = (label) => Number((new RegExp(`^\\S*\\s*${label} (\\d+)$`, 'm').exec(unit.stdout ?? '') ?? [])[1] ?? 0);
totals.passed += count('pass');
totals.failed += count('fail') + (unit.status !== 0 && count('fail') === 0 ? 1 : 0);
totals.skipped += count('skipped');

// Suites in a real VS Code: each runner writes {passed, failed, skipped} to its results file.
const suites = [
  ['integration', 'test/integration/runTests.mjs', 'test-artifacts/integration-results.json'],
  ['ui', 'test/integration/screenshots.mjs', 'test-artifacts/ui-results.json'],
];
for (const [name, script, results] of suites) {
  if (process.env.CROSSCHECK_SKIP_INTEGRATION) {
    console.log(`\n== ${name}: skipped (CROSSCHECK_SKIP_INTEGRATION is set)`);
    continue;
  }
  rmSync(results, { force: true });
  const r = step(name, process.execPath, [script]);
  process.stdout.write(r.stdout ?? '');
  const counted = existsSync(results) ? JSON.parse(readFileSync(results, 'utf8')) : null;
  if (counted) {
    totals.passed += counted.passed; totals.failed += counted.failed; totals.skipped += counted.skipped ?? 0;
  }
  if (r.status !== 0 && !counted?.failed) totals.failed++;
}
finish();

function listTests(dir) {
  return spawnSync('bash', ['-c', `ls ${dir}/*.test.ts 2>/dev/null`], { encoding: 'utf8' }).stdout.split('\n').filter(Boolean);
}
