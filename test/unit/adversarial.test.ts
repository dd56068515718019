/**
 * Pathological inputs as explicit cases (issue 8): a megabyte of punctuation or quote marks, a 200,000-character
 * line, a title repeated 50,000 times, mixed and right-to-left scripts, emoji and astral characters, lone
 * surrogates, NUL bytes, unbalanced quotes. Each must be analysed without a throw, with every invariant of
 * invariants.ts, within a generous time budget; and analysis time must grow about linearly with the input
 * (10× the text -> at most 15× the time, the fastest of several alternating runs).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { createCrosscheck, type DocumentAnalysis } from '../../src/core/index';
import { tokenize } from '../../src/core/text/tokenize';
import { splitSentences } from '../../src/core/text/sentences';
import { readDateline } from '../../src/core/text/dateline';
import { loadTagger } from '../../src/core/entities/tagger';
import { findEntities } from '../../src/core/entities/findEntities';
import { findAttributions } from '../../src/core/attribution/findAttributions';
import { findHedges } from '../../src/core/attribution/findHedges';
import { readModel } from './sharedData';
import { checkAnalysis, checkWorkspace } from './invariants';
import { newsText } from './newsArbitraries';

const engine = createCrosscheck({ readNerModel: readModel });
engine.analyze('Warm-up: Rami Haddad told CNN on Friday.');

const MB = 1 << 20;
/** Fills `n` characters with repeats of `unit`. */
const fill = (unit: string, n: number): string => unit.repeat(Math.ceil(n / unit.length)).slice(0, n);
/** Milliseconds per input character beyond which a case counts as hung (20 s for a megabyte, on a slow machine). */
const BUDGET_MS_PER_CHAR = 20_000 / MB;

function analyzeWithin(text: string, label: string): DocumentAnalysis {
  const t0 = performance.now();
  const a = engine.analyze(text);
  const ms = performance.now() - t0;
  checkAnalysis(text, a);
  const budget = Math.max(2_000, text.length * BUDGET_MS_PER_CHAR);
  assert.ok(ms <= budget, `${label}: ${text.length} characters took ${ms.toFixed(0)} ms (budget ${budget.toFixed(0)} ms)`);
  return a;
}

/** [label, input] — every one must be analysed whole, in time, with true spans. */
const CASES: [string, () => string][] = [
  ['a megabyte of mixed punctuation', () => fill('.,;:!?-()[]{}/|*&%$#@', MB)],
  ['a megabyte of full stops', () => fill('.', MB)],
  ['a megabyte of quote marks', () => fill('"“”‘’\'«»„', MB)],
  ['a megabyte of opening curly quotes', () => fill('“', MB)],
  ['a megabyte of spaced straight quotes', () => fill(' "', MB)],
  ['a megabyte of dashes', () => fill('-—–', MB)],
  ['a 200,000-character line of words', () => fill('word ', 200_000)],
  ['a 200,000-character line of news without line breaks', () => fill('Maj. Gen. Oded Basiuk told CNN on Friday that six people were reportedly killed in Baku, a senior Israeli source said. ', 200_000)],
  ['a 200,000-character line with no sentence end at all', () => fill('the talks in Baku were direct and long and the army ', 200_000)],
  ['a 200,000-character word', () => fill('a', 200_000)],
  ['a 200,000-character number', () => fill('1', 200_000)],
  ['"Maj. Gen. " repeated 50,000 times', () => 'Maj. Gen. '.repeat(50_000)],
  ['"U.S." repeated 50,000 times', () => 'U.S.'.repeat(50_000)],
  ['initials repeated 60,000 times', () => 'J. '.repeat(60_000)],
  ['"al-" repeated 60,000 times', () => 'al-'.repeat(60_000)],
  ['mixed scripts', () => fill('Israel إسرائيل ישראל Израиль 以色列 इज़राइल ประเทศ Ελλάδα Türkiye ', 200_000)],
  ['right-to-left text with bidi controls', () => fill('\u202bقال مصدر إسرائيلي رفيع لشبكة CNN\u202c \u200fאמר דובר הצבא\u200f "ציטוט" \u202e.reversed\u202c ', 200_000)],
  ['emoji and astral characters', () => fill('😀👍🏽👨‍👩‍👧🇮🇱𝐀𝟙𓀀 Rami 🙂 said 𝓗𝓮𝓵𝓵𝓸. ', 200_000)],
  ['lone surrogates', () => fill('\ud800Rami\udc00 said \udfff\ud83d. \udbff', 200_000)],
  ['NUL bytes', () => fill('\u0000', MB)],
  ['NUL bytes between words', () => fill('Rami\u0000Haddad\u0000said\u0000.\u0000', 200_000)],
  ['unbalanced opening quotes', () => fill('“We will not negotiate, he said. “And ', 200_000)],
  ['unbalanced closing quotes', () => fill('he said.” They left.” ', 200_000)],
  ['quotes opened on every paragraph, never closed', () => fill('“The talks went on\n\n', 200_000)],
  ['combining marks without a base', () => fill('\u0301\u0651\u20dd ', 200_000)],
  ['line and paragraph separators', () => fill('Rami said\u2028it\u2029ended\r', 200_000)],
  ['a dateline and nothing else', () => 'date 2025-05-16 Shafaq News/'],
  ['a dateline repeated', () => fill('BEIRUT, May 16, 2025 (Reuters) - ', 200_000)],
  ['URLs and handles', () => fill('https://example.com/a.b?c=1. @USTreasury #Syria www.x.org ', 200_000)],
  ['an empty document', () => ''],
  ['whitespace only', () => fill(' \t\n\r\u00a0\ufeff', 100_000)],
];

for (const [label, make] of CASES) {
  test(`pathological input: ${label}`, () => { analyzeWithin(make(), label); });
}

test('pathological documents cross-reference without a throw', () => {
  const docs = CASES.slice(0, 12).map(([label, make], i) => {
    const text = make().slice(0, 20_000);
    return { id: `${i}-${label}`, text, analysis: engine.analyze(text) };
  });
  const ws = engine.crossReference(docs);
  checkWorkspace(docs, ws);
});

/**
 * Milliseconds of CPU time one call of `f` takes: unlike the wall clock, it does not grow while other processes hold
 * the cores, so a busy machine cannot make linear work look quadratic.
 */
function timed(f: () => void): number {
  const t0 = process.cpuUsage();
  f();
  const t = process.cpuUsage(t0);
  return (t.user + t.system) / 1000;
}

/**
 * Asserts that `run` on `make(10 * n)` takes at most 20× its time on `make(n)`: linear work gives about 10× (a bigger
 * heap and colder caches add some), quadratic work 100×. Small and big runs alternate and
 * the fastest of each is compared (other work on the machine only ever adds time, and alternating spreads it over
 * both); a ratio over the bound is measured again, and only one that stays over it fails.
 */
function assertLinear(label: string, make: (n: number) => string, run: (text: string) => void, n = 20_000, attempts = 3): void {
  const small = make(n), big = make(10 * n);
  run(small); // warm the JIT on this shape of text
  let ratio = Infinity, detail = '';
  for (let attempt = 0; attempt < attempts && ratio > 20; attempt++) {
    let a = Infinity, b = Infinity;
    for (let i = 0; i < 3; i++) {
      a = Math.min(a, timed(() => run(small)), timed(() => run(small)));
      b = Math.min(b, timed(() => run(big)));
    }
    ratio = b / Math.max(a, 1);
    detail = `${label}: ${n} chars ${a.toFixed(1)} ms, ${10 * n} chars ${b.toFixed(1)} ms (×${ratio.toFixed(1)})`;
  }
  assert.ok(ratio <= 20, detail);
}

const SAMPLES = [resolve(__dirname, '..', '..', 'samples', 'daily-meridian.txt'), resolve(__dirname, '..', '..', 'samples', 'northwire.article'), resolve(__dirname, '..', '..', 'samples', 'coastline-herald.md')]
  .map((f) => readFileSync(f, 'utf8')).join('\n\n');
const generated = fc.sample(newsText(60), { seed: 8, numRuns: 2_000 });
/** `n` characters of generated news-like text, paragraphs separated by blank lines; `oneLine` joins them in one line. */
const generatedNews = (n: number, oneLine = false): string => {
  let out = '';
  for (let i = 0; out.length < n; i++) out += generated[i % generated.length]! + (oneLine ? ' ' : '\n\n');
  return (oneLine ? out.replace(/[\r\n\u2028\u2029]/g, ' ') : out).slice(0, n);
};

test('linear time: 20 KB vs 200 KB of news-like text', () => {
  const analyze = (s: string): void => { engine.analyze(s); };
  assertLinear('sample articles', (n) => fill(SAMPLES + '\n\n', n), analyze);
  assertLinear('sample articles on one line', (n) => fill(SAMPLES.replace(/\s+/g, ' ') + ' ', n), analyze);
  assertLinear('generated news', (n) => generatedNews(n), analyze);
  assertLinear('generated news on one line', (n) => generatedNews(n, true), analyze);
  assertLinear('punctuation', (n) => fill('.,;:!?-()“”"\'', n), analyze);
  assertLinear('titles', (n) => fill('Maj. Gen. ', n), analyze);
});

/**
 * One endless sentence full of cues ("he said he said …") is the worst case for the per-sentence detectors.
 * The text, entity and attribution stages must stay linear on it.
 */
const ONE_SENTENCE_UNITS = ['he said ', 'Officials told CNN ', 'Rubio, who said ', 'the army denied it and ', 'Rami Haddad, ', '$5 million ', 'May 16, 2025 ', 'Sources said: ', 'U.S. '];
const tagger = loadTagger(readModel());
function detectorStages(text: string): void {
  const dateline = readDateline(text);
  const tokens = tokenize(text);
  const sentences = splitSentences(text, tokens);
  const ctx = { text, tokens, sentences, published: dateline.published };
  const entities = findEntities(ctx, tagger, { outlet: dateline.outlet, datelineEnd: dateline.span?.end ?? null });
  findAttributions(ctx, entities, {});
  findHedges(ctx, {});
}

test('linear time in one endless sentence: text, entity and attribution stages', () => {
  for (const unit of ONE_SENTENCE_UNITS) assertLinear(JSON.stringify(unit), (n) => fill(unit, n), detectorStages, 10_000);
});

test('linear time in one endless sentence: the whole analysis, claims included', () => {
  for (const unit of ONE_SENTENCE_UNITS) assertLinear(JSON.stringify(unit), (n) => fill(unit, n), (s) => { engine.analyze(s); }, 10_000);
});
