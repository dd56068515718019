// The Mocha entry that @vscode/test-electron loads in the extension host: runs every *.test.js beside it and writes
// the counts for scripts/test.mjs.
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import Mocha from 'mocha';

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'tdd', color: false, timeout: 60_000, reporter: 'spec' });
  for (const f of readdirSync(__dirname).filter((n) => n.endsWith('.test.js')).sort()) mocha.addFile(join(__dirname, f));
  const results = process.env.CROSSCHECK_RESULTS ?? resolve(__dirname, '..', 'test-artifacts', 'integration-results.json');
  return new Promise((done, fail) => {
    const runner = mocha.run((failures) => {
      const s = runner.stats ?? { passes: 0, failures, pending: 0 };
      mkdirSync(dirname(results), { recursive: true });
      writeFileSync(results, JSON.stringify({ passed: s.passes, failed: s.failures, skipped: s.pending }) + '\n');
      console.log(`${s.passes} passed, ${s.failures} failed`);
      if (failures) fail(new Error(`${failures} integration tests failed`));
      else done();
    });
  });
}
