#!/usr/bin/env node
// Integration tests in a real VS Code: bundles the Mocha suite (test/integration/suite) into dist-test/, copies the
// seed articles of ../shared into a temporary workspace and runs @vscode/test-electron's runTests on it. Writes
// test-artifacts/integration-results.json ({passed, failed, skipped}) and ends with a bare "N passed, N failed" line.
// On a machine without internet, VSCODE_EXECUTABLE_PATH points at ../shared/tools/vscode-offline/code-shim.js.
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { runTests } from '@vscode/test-electron';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const shared = resolve(root, '..', 'shared');
const seeds = join(shared, 'seeds');
const results = join(root, 'test-artifacts', 'integration-results.json');
mkdirSync(dirname(results), { recursive: true });
rmSync(results, { force: true });

const report = (r) => {
  writeFileSync(results, JSON.stringify(r) + '\n');
  console.log(`integration: ${r.passed} passed, ${r.failed} failed, ${r.skipped} skipped`);
  console.log(`${r.passed} passed, ${r.failed} failed`);
};

if (!existsSync(seeds)) {
  console.log(`integration tests SKIPPED: ${shared} is absent (the seed articles are the test workspace)`);
  report({ passed: 0, failed: 0, skipped: 1 });
  process.exit(0);
}

const shim = join(shared, 'tools', 'vscode-offline', 'code-shim.js');
if (!process.env.VSCODE_EXECUTABLE_PATH && existsSync(shim)) process.env.VSCODE_EXECUTABLE_PATH = shim;

// the suite, bundled: one file per test module plus the Mocha entry (mocha itself stays in node_modules)
const suiteDir = join(root, 'test', 'integration', 'suite');
const outdir = join(root, 'dist-test');
rmSync(outdir, { recursive: true, force: true });
await esbuild.build({
  entryPoints: readdirSync(suiteDir).filter((f) => f.endsWith('.ts')).map((f) => join(suiteDir, f)),
  outdir, bundle: true, platform: 'node', format: 'cjs', target: 'node18', sourcemap: true,
  external: ['vscode', 'mocha'], logLevel: 'warning',
});

// the workspace: a copy of the seeds (never the originals: the tests edit buffers and write aliases and reports)
const workspace = mkdtempSync(join(tmpdir(), 'crosscheck-ws-'));
for (const f of readdirSync(seeds)) if (/\.(txt|md|article|news)$/.test(f)) cpSync(join(seeds, f), join(workspace, f));
const originals = Object.fromEntries(readdirSync(workspace).map((f) => [f, readFileSync(join(workspace, f), 'utf8')]));
writeFileSync(join(workspace, '.crosscheck-originals.json'), JSON.stringify(originals));

let code = 1;
try {
  code = await runTests({
    vscodeExecutablePath: process.env.VSCODE_EXECUTABLE_PATH,
    extensionDevelopmentPath: root,
    extensionTestsPath: join(outdir, 'index.js'),
    launchArgs: [workspace, '--disable-extensions'],
    extensionTestsEnv: { CROSSCHECK_RESULTS: results, CROSSCHECK_SEEDS: seeds },
  });
} catch (e) {
  console.error('integration tests could not run:', e);
}
let r = { passed: 0, failed: 1, skipped: 0 };
try {
  r = JSON.parse(readFileSync(results, 'utf8'));
} catch {
  console.error('integration tests wrote no results (the test host crashed or timed out)');
}
if (code !== 0 && !r.failed) r.failed = 1;
report(r);
if (!process.env.CROSSCHECK_KEEP_WORKSPACE) rmSync(workspace, { recursive: true, force: true });
process.exit(r.failed ? 1 : 0);
