import { test } from 'node:test';
import assert from 'node:assert/strict';
import { tokenize } from '../../src/core/text/tokenize';
import { splitSentences } from '../../src/core/text/sentences';
import type { Span } from '../../src/core/types';
import { findAttributions } from '../../src/core/attribution/findAttributions';
import { needsShared, readShared } from './sharedData';

interface Gold { readonly cue: readonly Span[]; readonly source: readonly Span[]; readonly content: readonly Span[] }
const overlaps = (a: Span | null | undefined, b: Span): boolean => !!a && a.start < b.end && b.start < a.end;
const f1 = (p: number, r: number): number => (p + r ? (2 * p * r) / (p + r) : 0);

// The same counting as ../shared/eval/attribution.mjs, without entities (the tagger is not loaded here); the floors sit
// just under today's figures (cue 0.801, source 0.817, content 0.822, speech 0.984) to catch regressions.
test('PolNeAR dev: cue, source and content F1 and speech-verb recall stay above their floors', { skip: needsShared }, () => {
  const rows = readShared('eval', 'data', 'attribution', 'polnear-dev.jsonl').split('\n').filter(Boolean).map((l) => JSON.parse(l) as { text: string; attributions: Gold[] });
  const speech = /\b(s[ae]id|says?|saying|told|tells?|according|report(s|ed)?|claim(s|ed)?|den(y|ied|ies)|confirm(s|ed)?|announc(e|ed|es)|add(s|ed)|stat(e|ed|es)|wr(o|i)te?s?|explain(s|ed)?|insist(s|ed)?|acknowledg(e|ed|es)|argu(e|ed|es)|warn(s|ed)?|asked|noted)\b/i;
  const c = { pred: 0, predTp: 0, gold: 0, tp: 0, srcTp: 0, srcPred: 0, srcGold: 0, conTp: 0, conPred: 0, conGold: 0, speech: 0, speechHit: 0 };
  for (const r of rows) {
    const tokens = tokenize(r.text);
    const pred = findAttributions({ text: r.text, tokens, sentences: splitSentences(r.text, tokens), published: null }, [], {});
    const gold = r.attributions.filter((a) => a.cue.length);
    c.pred += pred.length;
    c.predTp += pred.filter((p) => gold.some((g) => g.cue.some((s) => overlaps(p.cue, s)))).length;
    for (const g of gold) {
      c.gold++;
      const isSpeech = speech.test(r.text.slice(g.cue[0]!.start, g.cue[g.cue.length - 1]!.end));
      if (isSpeech) c.speech++;
      if (g.source.length) c.srcGold++;
      if (g.content.length) c.conGold++;
      const p = pred.find((x) => g.cue.some((s) => overlaps(x.cue, s)));
      if (!p) continue;
      c.tp++;
      if (isSpeech) c.speechHit++;
      if (p.source) { c.srcPred++; if (g.source.some((s) => overlaps(p.source, s))) c.srcTp++; }
      if (p.content) { c.conPred++; if (g.content.some((s) => overlaps(p.content, s))) c.conTp++; }
    }
  }
  const cue = f1(c.predTp / c.pred, c.tp / c.gold);
  const source = f1(c.srcTp / c.srcPred, c.srcTp / c.srcGold);
  const content = f1(c.conTp / c.conPred, c.conTp / c.conGold);
  const speechRecall = c.speechHit / c.speech;
  const figures = `cue ${cue.toFixed(3)} source ${source.toFixed(3)} content ${content.toFixed(3)} speech ${speechRecall.toFixed(3)}`;
  assert.ok(cue >= 0.795, figures);
  assert.ok(source >= 0.81, figures);
  assert.ok(content >= 0.81, figures);
  assert.ok(speechRecall >= 0.975, figures);
});
