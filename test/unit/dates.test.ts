import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findDates, isoWeek } from '../../src/core/entities/dates';
import { findNumbers, parseNumber } from '../../src/core/entities/numbers';
import { needsShared, readShared } from './sharedData';

/** The value of the one date found in `text` against an article dated Friday 2025-05-16. */
const valueOf = (text: string, published: string | null = '2025-05-16'): string[] =>
  findDates(text, published).map((d) => `${text.slice(d.start, d.end)}=${d.value ?? '?'}`);

test('relative and absolute dates resolve against the dateline', () => {
  const table: [string, string][] = [
    ['talks were held on Friday', 'Friday=2025-05-16'],
    ['the ministry said Thursday', 'Thursday=2025-05-15'],
    ['the envoy arrived Monday', 'Monday=2025-05-12'],
    ['the summit will open on Monday', 'Monday=2025-05-19'],
    ['the Treasury announced earlier today', 'earlier today=2025-05-16'],
    ['he said yesterday', 'yesterday=2025-05-15'],
    ['she revealed last week that', 'last week=2025-W19'],
    ['This week, the president met', 'This week=2025-W20'],
    ['troops entered on May 16,', 'May 16=2025-05-16'],
    ['posted May 15, 2025 at noon', 'May 15, 2025=2025-05-15'],
    ['he fled in December', 'December=2024-12'],
    ['designated a terrorist in 2013.', '2013=2013'],
    ['date 2025-05-16 Wire/', '2025-05-16=2025-05-16'],
    ['on 3 March 2024 the vote', '3 March 2024=2024-03-03'],
    ['two years ago the border', 'two years ago=2023'],
    ['by next month', 'next month=2025-06'],
    ['last year', 'last year=2024'],
    ['late last July', 'late last July=2024-07'],
    ['in the 1990s', 'the 1990s=199'],
    ['at 3 p.m. local time', '3 p.m. local time=2025-05-16T15:00'],
    ['on Friday morning', 'Friday morning=2025-05-16TMO'],
  ];
  for (const [text, expected] of table) assert.deepEqual(valueOf(text), [expected], text);
});

test('false positives: modal "may", plain counts and "march" the verb are not dates', () => {
  const table = ['The army may withdraw.', 'May I add something?', 'Some 2000 people marched.', 'They will march to the square.', 'March organisers said 1,500 came.', 'Room 1204 was sealed.'];
  for (const text of table) assert.deepEqual(valueOf(text), [], text);
});

test('without a dateline, dates are found but relative ones stay unresolved', () => {
  assert.deepEqual(valueOf('on Friday', null), ['Friday=?']);
  assert.deepEqual(valueOf('May 16, 2025', null), ['May 16, 2025=2025-05-16']);
});

test('ISO weeks', () => {
  const table: [string, string][] = [['2025-05-16', '2025-W20'], ['2021-01-01', '2020-W53'], ['2024-12-30', '2025-W01'], ['2013-03-22', '2013-W12']];
  for (const [d, w] of table) assert.equal(isoWeek(new Date(`${d}T00:00:00Z`)), w, d);
});

test('numbers in words and digits', () => {
  const table: [string, number][] = [['six', 6], ['1,000', 1000], ['twenty-one', 21], ['two hundred thousand', 200000], ['1.5 million', 1500000], ['a dozen', NaN]];
  for (const [text, n] of table) assert.ok(Object.is(parseNumber(text), n) || parseNumber(text) === n, `${text} -> ${parseNumber(text)}`);
  assert.deepEqual(findNumbers('no one saw the six tanks').map((m) => [m.type, m.value]), [['NUMBER', '6']]);
});

test('TempEval-3 platinum: dates and times found and normalised', { skip: needsShared }, () => {
  interface Timex { start: number; end: number; type: string; value: string }
  const docs = readShared('eval', 'data', 'dates', 'tempeval3-platinum-timex.jsonl').split('\n').filter(Boolean)
    .map((l) => JSON.parse(l) as { text: string; dct: string; timex3: Timex[] });
  let gold = 0, found = 0, right = 0, predicted = 0, predictedHit = 0;
  for (const d of docs) {
    const ours = findDates(d.text, d.dct);
    // Calendar dates and times only; durations, sets and "now" (PRESENT_REF) are not what the highlighter marks.
    const golds = d.timex3.filter((t) => (t.type === 'DATE' || t.type === 'TIME') && /^\d{4}/.test(t.value));
    predicted += ours.length;
    predictedHit += ours.filter((p) => golds.some((g) => g.start < p.end && p.start < g.end)).length;
    for (const g of golds) {
      gold++;
      const p = ours.find((x) => x.start < g.end && g.start < x.end);
      if (!p) continue;
      found++;
      if (p.value === g.value) right++;
    }
  }
  const recall = found / gold, accuracy = right / found, precision = predictedHit / predicted;
  console.log(`TempEval-3 platinum: ${found}/${gold} dates found (recall ${recall.toFixed(3)}), precision ${precision.toFixed(3)}, values right ${right}/${found} (${accuracy.toFixed(3)})`);
  assert.ok(recall >= 0.85, `recall ${recall}`);
  assert.ok(precision >= 0.85, `precision ${precision}`);
  assert.ok(accuracy >= 0.85, `value accuracy ${accuracy}`);
});
