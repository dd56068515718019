import { test } from 'node:test';
import assert from 'node:assert/strict';
import { claimTerms, isEntityKey, SAME_THRESHOLD, scoreTerms } from '../../src/core/crossref/similarity';
import { ScoreTable } from '../../src/core/crossref/scoreTable';
import type { Token } from '../../src/core/types';

/* What the workspace-scale cross-reference relies on: faster paths that must decide exactly as the plain ones. */

test('the score table answers as a map, across growth and clearing', () => {
  const table = new ScoreTable(8);
  const map = new Map<number, number>();
  let s = 12345;
  const rand = (): number => { s = (Math.imul(s, 1103515245) + 12345) >>> 0; return s; };
  for (let i = 0; i < 20_000; i++) {
    const key = (rand() % 3000) * 2 ** 26 + (rand() % 5000); // pair keys as the alignment makes them, up to 2^52
    const value = rand() / 2 ** 32;
    table.set(key, value);
    map.set(key, value);
  }
  assert.equal(table.size, map.size);
  for (const [k, v] of map) assert.equal(table.get(k), v);
  assert.equal(table.get(2 ** 51 + 7), undefined);
  table.clear();
  assert.equal(table.size, 0);
  assert.equal(table.get([...map.keys()][0]!), undefined);
});

test('a score asked with a floor is on the same side of it, and exact above it', () => {
  const sentences = [
    'Israel and Syria held direct talks in Baku on Friday, a senior source said.',
    'Israel and Syria held a direct meeting in Baku on Friday.',
    'The army denied that direct talks were held in Baku.',
    'Rescuers pulled 14 survivors from the collapsed building in the city centre.',
    'Rescuers pulled 12 survivors from the collapsed building in the city centre.',
    'The company reported a net profit of 3.2 million dollars for the quarter.',
    'Shares in the company fell 4 percent on Monday after the report.',
    'Officials in Damascus have not commented on the meeting.',
    'Six people were killed in an air strike on the town, the ministry said.',
    'An air strike on the town killed six people, according to the ministry.',
  ];
  const terms = sentences.map((s) => claimTerms(s));
  for (const a of terms) for (const b of terms) {
    const exact = scoreTerms(a, b);
    for (const floor of [SAME_THRESHOLD, 0.15]) {
      const quick = scoreTerms(a, b, floor);
      assert.equal(quick >= floor, exact >= floor);
      if (exact >= floor) assert.equal(quick, exact);
    }
  }
});

test('entity keys are names, not words: a score does not depend on how entities are numbered', () => {
  assert.ok(isEntityKey('e0') && isEntityKey('e1000'));
  assert.ok(!isEntityKey('e') && !isEntityKey('eu') && !isEntityKey('e10a') && !isEntityKey('1000'));
  // "Rami Haddad met Dana Novak in Baku" with the two people as entities numbered two ways.
  const text = 'Rami Haddad met Dana Novak in Baku on Friday';
  const withIds = (x: string, y: string): ReturnType<typeof claimTerms> =>
    claimTerms(text, (t: Token) => (t.start < 11 ? x : t.start >= 16 && t.start < 26 ? y : null));
  const other = 'Rami Haddad met Omar Sato in Baku on Friday';
  const otherTerms = (x: string, y: string): ReturnType<typeof claimTerms> =>
    claimTerms(other, (t: Token) => (t.start < 11 ? x : t.start >= 16 && t.start < 25 ? y : null));
  // Numbered e1000/e1001 (one differing digit) or e7/e9: the same score.
  assert.equal(scoreTerms(withIds('e1000', 'e1001'), otherTerms('e1000', 'e1002')), scoreTerms(withIds('e7', 'e9'), otherTerms('e7', 'e4')));
});
