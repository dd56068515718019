import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { checkSettings, flattenSettings, toConfig, type SettingsSchema } from '../../src/extension/settings';

const pkg = JSON.parse(readFileSync(join(resolve(__dirname, '..', '..'), 'package.json'), 'utf8'));
const schema: SettingsSchema = pkg.contributes.configuration.properties;
const check = (section: unknown) => checkSettings(flattenSettings('crosscheck', section, schema), schema);

test('no settings: every default from package.json, no problems', () => {
  const { values, problems } = check({});
  assert.deepEqual(problems, []);
  const config = toConfig(values);
  assert.deepEqual(config.include, ['**/*.txt', '**/*.md', '**/*.article', '**/*.news']);
  assert.equal(config.maxBytes, 2048 * 1024);
  assert.equal(config.maxWorkspaceFiles, 500);
  assert.equal(config.aliasesFile, '.crosscheck/aliases.json');
  assert.ok(Object.values(config.kinds).every((on) => on === true));
  assert.deepEqual(config.analysis, { extraHedges: [], extraCues: [], styleHedges: false });
});

test('good values are taken as given, nested or dotted', () => {
  const { values, problems } = check({ files: { maxSizeKB: 10 }, highlight: { hedges: false }, hedges: { extra: [' rumoured '] } });
  assert.deepEqual(problems, []);
  const config = toConfig(values);
  assert.equal(config.maxBytes, 10 * 1024);
  assert.equal(config.kinds.hedge, false);
  assert.deepEqual(config.analysis.extraHedges, ['rumoured']);
});

test('wrong types: one clear message each, and the default is used', () => {
  const { values, problems } = check({ files: { maxSizeKB: 'big', include: '**/*.txt' }, highlight: { enabled: 'yes' }, aliases: { file: 42 } });
  assert.deepEqual(problems.sort(), [
    'crosscheck.aliases.file must be text, not 42; using the default, ".crosscheck/aliases.json"',
    'crosscheck.files.include must be a list of text values, not "**/*.txt"; using the default, ["**/*.txt","**/*.md","**/*.article","**/*.news"]',
    'crosscheck.files.maxSizeKB must be a number of at least 1, not "big"; using the default, 2048',
    'crosscheck.highlight.enabled must be true or false, not "yes"; using the default, true',
  ]);
  const config = toConfig(values);
  assert.equal(config.maxBytes, 2048 * 1024);
  assert.equal(config.highlightsEnabled, true);
  assert.equal(config.aliasesFile, '.crosscheck/aliases.json');
});

test('out of range and non-finite numbers are refused', () => {
  const { values, problems } = check({ files: { maxSizeKB: 0, maxWorkspaceFiles: -5 }, highlight: { maxPerEditor: Number.POSITIVE_INFINITY } });
  assert.equal(problems.length, 3);
  assert.match(problems.join('\n'), /maxSizeKB must be a number of at least 1, not 0/);
  assert.equal(toConfig(values).maxWorkspaceFiles, 500);
});

test('a word list keeps its good words and names the bad ones', () => {
  const { values, problems } = check({ cues: { extra: ['briefed', 3, '', null] } });
  assert.deepEqual(problems, ['crosscheck.cues.extra must list non-empty text values; ignoring 3, "", null']);
  assert.deepEqual(toConfig(values).analysis.extraCues, ['briefed']);
});

test('unknown keys are reported, with the nearest real setting when there is one', () => {
  const { problems } = check({ highlight: { hedge: false }, colour: 'red' });
  assert.deepEqual(problems, [
    'crosscheck.highlight.hedge is not a Crosscheck setting (did you mean crosscheck.highlight.hedges?); ignored',
    'crosscheck.colour is not a Crosscheck setting; ignored',
  ]);
});

test('a section that is not an object at all is one problem, never a crash', () => {
  for (const section of ['text', 7, [1, 2], true]) {
    const { values, problems } = check(section);
    assert.equal(problems.length, 1, String(section));
    assert.match(problems[0]!, /^crosscheck is not a Crosscheck setting/);
    assert.equal(toConfig(values).maxWorkspaceFiles, 500);
  }
});

test('long or cyclic values are shown shortened, never thrown on', () => {
  const cyclic: Record<string, unknown> = {};
  cyclic.self = cyclic;
  const { problems } = check({ files: { include: 'x'.repeat(500) }, aliases: { file: cyclic } });
  assert.ok(problems.every((p) => p.length < 250), problems.join('\n'));
  assert.match(problems.join('\n'), /not an object/);
});
