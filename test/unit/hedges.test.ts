import { test } from 'node:test';
import assert from 'node:assert/strict';
import { tokenize } from '../../src/core/text/tokenize';
import { splitSentences } from '../../src/core/text/sentences';
import type { TextContext } from '../../src/core/text/context';
import type { AnalysisOptions, Hedge } from '../../src/core/types';
import { findHedges } from '../../src/core/attribution/findHedges';

const context = (text: string): TextContext => {
  const tokens = tokenize(text);
  return { text, tokens, sentences: splitSentences(text, tokens), published: null };
};
const hedges = (text: string, options: AnalysisOptions = {}): Hedge[] => findHedges(context(text), options);

const POSITIVES: readonly (readonly [string, string, string, AnalysisOptions?])[] = [
  ['The minister reportedly resigned on Sunday.', 'reportedly', 'attribution'],
  ['The suspect allegedly fled across the border.', 'allegedly', 'attribution'],
  ['It is believed the ship sank in the storm.', 'It is believed', 'belief'],
  ['The bridge could collapse under the weight.', 'could', 'modal'],
  ['Negotiators may meet again next week.', 'may', 'modal'],
  ['The talks are expected to resume in Geneva.', 'are expected', 'modal'],
  ['An unconfirmed report spread quickly.', 'unconfirmed', 'attribution'],
  ['The convoy was apparently hit by a drone.', 'apparently', 'attribution'],
  ['The strike was carried out, sources say, by special forces.', 'sources say', 'attribution'],
  ['Rumour has it the coach will leave.', 'Rumour has it', 'attribution', { extraHedges: ['rumour has it'] }],
  ['Some say the plan is flawed.', 'Some say', 'weasel', { styleHedges: true }],
  ['It remains unclear whether the dam will hold.', 'unclear', 'modal'],
];

test('hedges: words and phrases, with their kind', () => {
  for (const [text, word, kind, options] of POSITIVES) {
    const h = hedges(text, options).find((x) => x.text === word);
    assert.ok(h, `no hedge "${word}" in: ${text} (found ${hedges(text, options).map((x) => x.text).join(', ')})`);
    assert.equal(h.kind, kind, text);
    assert.equal(h.text, text.slice(h.start, h.end));
  }
});

const FALSE_POSITIVES: readonly (readonly [string, AnalysisOptions?])[] = [
  ['The vote took place in May 2024.'],
  ['On May 3 the court ruled against the company.'],
  ['The mayor opened the bridge.'],
  ['Finish the repairs as soon as possible.'],
  ['Rescuers could not reach the village.'],
  ['Some say the plan is flawed.'],
  ['The maybe-list was long.'],
  ['Ships mayday signals were heard.'],
];

test('false positives: the month, whole words only, ability, style weasels when off', () => {
  for (const [text, options] of FALSE_POSITIVES) {
    assert.deepEqual(hedges(text, options).map((h) => h.text), [], text);
  }
});

test('adversarial input stays linear', () => {
  for (const text of ['it is '.repeat(100_000), 'could '.repeat(200_000), 'May '.repeat(200_000)]) {
    const started = performance.now();
    hedges(text);
    assert.ok(performance.now() - started < 5_000, text.slice(0, 12));
  }
});
