#!/usr/bin/env node
// `npm test`: type-check, build, unit tests (node:test), then the integration tests in a real VS Code.
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

if (process.env.CROSSCHECK_SKIP_INTEGRATION) {
  console.log('\n== integration: skipped (CROSSCHECK_SKIP_INTEGRATION is set)');
} else {
  const results = 'test-artifacts/integration-results.json';
  rmSync(results, { force: true });
  const integ = step('integration', process.execPath, ['test/integration/runTests.mjs']);
  process.stdout.write(integ.stdout ?? '');
  if (existsSync(results)) {
    const r = JSON.parse(readFileSync(results, 'utf8'));
    totals.passed += r.passed; totals.failed += r.failed; totals.skipped += r.skipped ?? 0;
  }
  if (integ.status !== 0 && !(existsSync(results) && JSON.parse(readFileSync(results, 'utf8')).failed)) totals.failed++;
}
finish();

function listTests(dir) {
  return spawnSync('bash', ['-c', `ls ${dir}/*.test.ts 2>/dev/null`], { encoding: 'utf8' }).stdout.split('\n').filter(Boolean);
}
