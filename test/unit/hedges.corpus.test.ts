import { test } from 'node:test';
import assert from 'node:assert/strict';
import { tokenize } from '../../src/core/text/tokenize';
import { splitSentences } from '../../src/core/text/sentences';
import { findHedges } from '../../src/core/attribution/findHedges';
import { needsShared, readShared } from './sharedData';

// The counting of ../shared/eval/hedges.mjs: a sentence is hedged when a predicted hedge overlaps it.
test('Szeged news sentences: hedge sentence F1 stays above its floor', { skip: needsShared }, () => {
  const rows = readShared('eval', 'data', 'hedges', 'factbank-news.jsonl').split('\n').filter(Boolean).map((l) => JSON.parse(l) as { doc: string; text: string; uncertain: boolean });
  const docs = new Map<string, { text: string; sentences: { offset: number; length: number; uncertain: boolean }[] }>();
  for (const s of rows) {
    const d = docs.get(s.doc) ?? { text: '', sentences: [] };
    if (d.text) d.text += '\n';
    d.sentences.push({ offset: d.text.length, length: s.text.length, uncertain: s.uncertain });
    d.text += s.text;
    docs.set(s.doc, d);
  }
  let tp = 0, predicted = 0, gold = 0;
  for (const d of docs.values()) {
    const tokens = tokenize(d.text);
    const hedges = findHedges({ text: d.text, tokens, sentences: splitSentences(d.text, tokens), published: null }, {});
    for (const s of d.sentences) {
      const hit = hedges.some((h) => h.start < s.offset + s.length && s.offset < h.end);
      if (hit) predicted++;
      if (s.uncertain) gold++;
      if (hit && s.uncertain) tp++;
    }
  }
  const p = tp / predicted, r = tp / gold, f1 = (2 * p * r) / (p + r);
  assert.ok(f1 >= 0.78, `sentence F1 ${f1.toFixed(3)} (p ${p.toFixed(3)}, r ${r.toFixed(3)})`);
});
