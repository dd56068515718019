import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { matchSentences } from '../../src/core/crossref/match';
import { SHARED, needsShared } from './sharedData';

test('match: paraphrases of one claim are the same, with their relation', () => {
  const table: [string, string, 'agree' | 'discrepancy' | 'contradiction'][] = [
    ['The ministry said on Monday it would close the border crossing for two weeks.', 'The ministry said Monday that it would close the border crossing for two weeks.', 'agree'],
    ['Rescuers pulled 14 survivors from the collapsed building in the city centre.', 'Rescuers pulled 12 survivors from the collapsed building in the city centre.', 'discrepancy'],
    ['The company reported a net profit of 3.2 million dollars for the quarter, up from a year earlier.', 'The company posted a quarterly net profit of 3.2 million dollars, up from the same quarter a year earlier.', 'agree'],
    ['The governor denied that the state would raise fuel taxes next year.', 'The state will raise fuel taxes next year, the governor said.', 'contradiction'],
  ];
  for (const [a, b, relation] of table) {
    const r = matchSentences(a, b);
    assert.ok(r.same, `same: ${a} ~ ${b} (score ${r.score.toFixed(2)})`);
    assert.equal(r.relation, relation, `${a} ~ ${b}`);
    assert.equal(matchSentences(b, a).same, true, 'symmetric decision');
  }
});

test('false positives: different claims on one topic are not the same', () => {
  const table: [string, string][] = [
    ['Officials have not commented on the meeting.', 'A local channel first reported the meeting.'],
    ['A magnitude 6.1 earthquake struck near the coast on Monday, killing 12 people.', 'Floods closed three schools in the valley after a week of heavy rain.'],
    ['The central bank raised interest rates by half a point on Tuesday.', 'The finance minister resigned after a row over the budget.'],
    ['Troops entered the village at dawn and set up a checkpoint.', 'The president pledged to lift sanctions on the former regime.'],
  ];
  for (const [a, b] of table) {
    const r = matchSentences(a, b);
    assert.equal(r.same, false, `${a} !~ ${b} (score ${r.score.toFixed(2)})`);
    assert.equal(r.relation, 'unrelated');
  }
});

test('MSRP train: the shared decision keeps its measured accuracy', { skip: needsShared }, () => {
  const file = join(SHARED, 'eval', 'data', 'match', 'msrp-train.jsonl');
  if (!existsSync(file)) return;
  const rows = readFileSync(file, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as { a: string; b: string; label: boolean });
  let right = 0, tp = 0, predicted = 0, gold = 0;
  for (const r of rows) {
    const same = matchSentences(r.a, r.b).same;
    if (same === r.label) right++;
    if (same) predicted++;
    if (r.label) gold++;
    if (same && r.label) tp++;
  }
  const accuracy = right / rows.length, f1 = (2 * tp) / (predicted + gold);
  assert.ok(accuracy >= 0.76, `accuracy ${accuracy.toFixed(3)}`);
  assert.ok(f1 >= 0.835, `f1 ${f1.toFixed(3)}`);
});
