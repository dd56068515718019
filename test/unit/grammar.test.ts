// The TextMate grammars are generated from the core's word lists and tested with vscode-tmgrammar-test over the
// fixtures in test/fixtures/grammar (positives and false positives side by side).
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ATTRIBUTION_CUES, DENIAL_CUES, HEDGES } from '../../src/core/attribution/lexicon';

const ROOT = resolve(__dirname, '..', '..');
const grammar = JSON.parse(readFileSync(join(ROOT, 'syntaxes', 'article.tmLanguage.json'), 'utf8'));
const injection = JSON.parse(readFileSync(join(ROOT, 'syntaxes', 'article-injection.tmLanguage.json'), 'utf8'));

/** An Oniguruma pattern of the grammar as a JavaScript RegExp (they share this subset). */
const jsRegex = (rule: string): RegExp => new RegExp(grammar.repository[rule].match.replace(/^\(\?i\)/, ''), 'iu');

test('the grammars in syntaxes/ are up to date with the lexicon', () => {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/buildGrammar.ts', '--check'], { cwd: ROOT, encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
});

test('grammar fixtures pass vscode-tmgrammar-test (article language and Markdown injection)', () => {
  const bin = join(ROOT, 'node_modules', 'vscode-tmgrammar-test', 'dist', 'unit.js');
  const r = spawnSync(process.execPath, [bin, '-c', '-g', 'test/fixtures/grammar/markdown-stub.tmLanguage.json', 'test/fixtures/grammar/*.test.*'], { cwd: ROOT, encoding: 'utf8' });
  assert.equal(r.status, 0, r.stdout + r.stderr);
  assert.doesNotMatch(r.stdout, /failed/);
});

test('every cue, denial and hedge of the lexicon is matched by the grammar', () => {
  const cue = jsRegex('cue'), denial = jsRegex('denial'), hedge = jsRegex('hedge');
  for (const w of ATTRIBUTION_CUES) assert.ok(cue.test(` ${w} `) || denial.test(` ${w} `), `cue "${w}"`);
  for (const w of DENIAL_CUES) assert.ok(denial.test(` ${w} `), `denial "${w}"`);
  for (const w of HEDGES) assert.ok(hedge.test(` ${w} `) || jsRegex('weasel').test(` ${w} `) || jsRegex('conditional').test(` ${w} `), `hedge "${w}"`);
  // conditionals get a scope themes leave uncoloured: "if" is not painted in every article
  assert.ok(!hedge.test(' if ') && jsRegex('conditional').test(' if '));
});

test('false positives: words that merely contain a cue or hedge are not matched', () => {
  const cue = jsRegex('cue'), hedge = jsRegex('hedge');
  for (const s of ['sayings', 'teller', 'reporters', 'statement', 'mayor', 'iffy', 'couldn’t-care', 'self-told']) {
    assert.ok(!cue.test(s), `cue in "${s}"`);
  }
  for (const s of ['mayor', 'iffy', 'Mayfair', 'likelier']) assert.ok(!hedge.test(s), `hedge in "${s}"`);
});

test('the injection shares the article grammar’s word rules and stays out of code', () => {
  for (const rule of ['cue', 'denial', 'hedge', 'weasel', 'conditional']) assert.deepEqual(injection.repository[rule], grammar.repository[rule], rule);
  assert.match(injection.injectionSelector, /L:text\.html\.markdown -markup\.fenced_code -markup\.inline\.raw/);
  assert.match(injection.injectionSelector, /L:text\.plain/);
});
