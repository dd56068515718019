/**
 * Every regular expression of the core (and the CLI) is checked for catastrophic backtracking (issue 8).
 *
 * Which regexes: every regex literal in src/core and src/cli (found with the TypeScript parser), plus every RegExp
 * the core actually executes while analysing, cross-referencing, matching and reporting a varied corpus (this
 * catches `new RegExp(...)` patterns built from pieces, and those of the `natural` modules the core calls).
 *
 * How: in a worker thread, each regex scans attack strings — one character or a short unit pumped to 30,000
 * characters and ended by a character that fails the match ('a'.repeat(30000) + '!', '. '.repeat(15000) + '\0', …),
 * the pumps drawn both from a generic set and from the characters each regex names. A linear regex finishes such a
 * scan in milliseconds; the test fails on one that takes over `HARD_MS` on one string, or that grows super-linearly
 * (30,000 characters over 40× slower than 3,000) on a string the core can hand it whole (its longest input seen
 * while analysing the corpus exceeded a line). A regex that backtracks exponentially never returns: the worker is
 * terminated after a deadline and the test names the regex it was stuck on.
 *
 * When the `scslre` package (a static super-linear-backtracking analyser) is installed, every regex is also
 * analysed statically and any exponential report fails the test.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { Worker } from 'node:worker_threads';
import ts from 'typescript';
import fc from 'fast-check';
import { createCrosscheck, renderHtmlReport, renderMarkdownReport, toContractJson, type AnalyzedDocument } from '../../src/core/index';
import { readModel, hasShared, readShared } from './sharedData';
import { newsText } from './newsArbitraries';

const ROOT = resolve(__dirname, '..', '..');
const SOURCE_DIRS = ['src/core', 'src/cli'];
/** One scan over this many milliseconds is a failure whatever the growth. */
const HARD_MS = 1_000;
/** Growth from 3,000 to 30,000 characters above this (linear is ~10, quadratic ~100) is super-linear. */
const MAX_GROWTH = 40;
/** Below this many milliseconds at 30,000 characters a scan is fast enough to ignore its growth (timer noise). */
const NOISE_MS = 30;
/** A regex applied to inputs longer than this while analysing the corpus can be handed a whole line or document. */
const LONG_INPUT = 300;

interface Found { source: string; flags: string; where: string; maxInput: number }

function listSources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return listSources(p);
    return /\.ts$/.test(name) && !/\.d\.ts$/.test(name) ? [p] : [];
  });
}

/** Regex literals of the source files, with file:line, and how many `new RegExp(` sites there are. */
function staticRegexes(): { literals: Found[]; constructed: string[] } {
  const literals: Found[] = [];
  const constructed: string[] = [];
  for (const file of SOURCE_DIRS.flatMap((d) => listSources(join(ROOT, d)))) {
    const sf = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
    const where = (n: ts.Node): string => `${relative(ROOT, file)}:${sf.getLineAndCharacterOfPosition(n.getStart(sf)).line + 1}`;
    const visit = (n: ts.Node): void => {
      if (n.kind === ts.SyntaxKind.RegularExpressionLiteral) {
        const text = n.getText(sf);
        const cut = text.lastIndexOf('/');
        literals.push({ source: text.slice(1, cut), flags: text.slice(cut + 1), where: where(n), maxInput: -1 });
      } else if (ts.isNewExpression(n) && ts.isIdentifier(n.expression) && n.expression.text === 'RegExp') {
        constructed.push(where(n));
      }
      ts.forEachChild(n, visit);
    };
    visit(sf);
  }
  return { literals, constructed };
}

/**
 * Runs `work` with RegExp.prototype.exec instrumented (test, replace, split, match and matchAll all go through it),
 * recording every regex executed and the longest string it was given.
 */
function recordExecutedRegexes(work: () => void): Map<string, Found> {
  const seen = new Map<string, Found>();
  const proto = RegExp.prototype;
  const original = proto.exec;
  proto.exec = function (this: RegExp, s: string) {
    const key = `/${this.source}/${this.flags}`;
    const len = typeof s === 'string' ? s.length : String(s).length;
    const f = seen.get(key);
    if (!f) seen.set(key, { source: this.source, flags: this.flags, where: 'executed by the core', maxInput: len });
    else if (len > f.maxInput) f.maxInput = len;
    return original.call(this, s);
  };
  try { work(); } finally { proto.exec = original; }
  return seen;
}

/** A corpus that reaches the detectors' paths: samples, seeds, generated news, and odd text. */
function corpus(): string[] {
  const samples = readdirSync(join(ROOT, 'samples')).map((f) => readFileSync(join(ROOT, 'samples', f), 'utf8'));
  const seeds = hasShared ? ['000_36d31459894b2ba5.txt', '001_becbe6a6e2bd273d.txt'].map((f) => readShared('seeds', f)) : [];
  const generated = fc.sample(newsText(120), { seed: 42, numRuns: 150 });
  // Long tokens and lines, so regexes applied to a whole token or line are seen with long input.
  const long = (w: string): string => `The officials said ${w} met Rami Haddad in Baku on Friday, a senior source told CNN.`;
  const odd = ['', '“', '"', '...', long('a'.repeat(2_000)), long('b'.repeat(2_000)), long('B' + 'a'.repeat(2_000)), long('1'.repeat(2_000)), long('a.'.repeat(1_000)),
    '. '.repeat(1_000), 'Maj. Gen. '.repeat(200), '😀\ud800\u0000\u202e', 'date 2025-05-16 Shafaq News/ x', 'BEIRUT, May 16, 2025 (Reuters) - x', 'CNN\n–\nIsrael'];
  return [...samples, ...seeds, ...generated, ...odd];
}

function collect(): { regexes: Found[]; constructed: string[] } {
  const { literals, constructed } = staticRegexes();
  const engine = createCrosscheck({ readNerModel: readModel });
  engine.analyze('warm-up');
  const texts = corpus();
  const executed = recordExecutedRegexes(() => {
    const docs: AnalyzedDocument[] = texts.map((text, i) => ({ id: `d${i}.txt`, text, analysis: engine.analyze(text) }));
    const ws = engine.crossReference(docs);
    toContractJson(docs, ws);
    renderHtmlReport(docs, ws);
    renderMarkdownReport(docs, ws);
    for (let i = 0; i + 1 < texts.length; i += 2) engine.match(texts[i]!.slice(0, 3_000), texts[i + 1]!.slice(0, 3_000));
  });
  const byKey = new Map<string, Found>();
  for (const r of literals) {
    const key = `/${r.source}/${r.flags}`;
    const prior = byKey.get(key);
    if (prior) prior.where += `, ${r.where}`;
    else byKey.set(key, { ...r });
  }
  for (const [key, r] of executed) {
    const prior = byKey.get(key);
    if (prior) prior.maxInput = Math.max(prior.maxInput, r.maxInput);
    else byKey.set(key, r);
  }
  return { regexes: [...byKey.values()], constructed };
}

/** The worker: scans attack strings with each regex and reports timings; plain JS so it needs no loader. */
const WORKER = String.raw`
const { parentPort, workerData } = require('node:worker_threads');
const GENERIC = ['a', 'A', 'Z', '1', ' ', '\t', '\n', '.', ',', '-', "'", '’', '"', '“', '/', '@', '#', '(', ':', '_', '*', '$', '%', 'é', 'ا', '😀',
  'a ', '. ', 'a.', 'A.', 'A. ', 'Aa ', '1,', '1.', 'a-', 'al-', 'a\'', 'Aa', 'aA', ' .', ', ', 'a1', '- ', '.,', '""', '“”'];
const CLASS_SAMPLES = { '\\d': '1', '\\D': 'a', '\\s': ' ', '\\S': 'a', '\\w': 'a', '\\W': '.', '\\p{L}': 'a', '\\p{Lu}': 'A', '\\p{Ll}': 'a',
  '\\p{N}': '1', '\\p{Nd}': '1', '\\p{P}': '.', '\\p{S}': '$', '\\p{M}': '\u0301', '.': 'a', '\\b': ' ' };
function pumpsFor(source) {
  const units = new Set(GENERIC);
  for (const [k, v] of Object.entries(CLASS_SAMPLES)) if (source.includes(k)) { units.add(v); units.add(v + ' '); units.add(v + v.toUpperCase()); }
  // Characters the regex names literally (unescaped or escaped punctuation): "\\.", "-", "’", letters of words.
  const chars = new Set(source.replace(/\\[pPu]\{[^}]*\}|\\[dDsSwWbBnrtfv0]|\\u[0-9a-fA-F]{4}/g, '').replace(/\\/g, '').split(''));
  for (const c of chars) if (c.trim() && !'()[]{}?*+|^$'.includes(c)) units.add(c);
  const letters = [...chars].filter((c) => /\p{L}/u.test(c));
  for (let i = 0; i + 1 < letters.length && i < 8; i++) units.add(letters[i] + letters[i + 1]);
  return [...units];
}
const ENDINGS = ['!', '\u0000', '\n', 'a', '1'];
function scan(re, s) {
  const t = performance.now();
  if (re.global || re.sticky) { re.lastIndex = 0; let n = 0; for (const _ of s.matchAll(re.global ? re : new RegExp(re.source, re.flags + 'g'))) n++; }
  else re.exec(s);
  return performance.now() - t;
}
const results = [];
const pump = (unit, n, ending) => unit.repeat(Math.ceil(n / unit.length)).slice(0, n) + ending;
workerData.regexes.forEach((r, i) => {
  let re;
  try { re = new RegExp(r.source, r.flags); } catch (e) { results.push({ i, error: String(e) }); return; }
  // Regexes the core only hands short strings (a word, a name) are scanned at 3,000 characters: enough to expose
  // exponential backtracking. The others are scanned at 30,000, and at 3,000 when slow, to measure the growth.
  const n = r.long ? 30000 : 3000;
  let worst = { ms: 0, growth: 0, unit: '', ending: '', small: 0, n };
  for (const unit of pumpsFor(r.source)) {
    for (const ending of ENDINGS) {
      parentPort.postMessage({ progress: i, unit, ending });
      let b = scan(re, pump(unit, n, ending));
      if (b <= worst.ms) continue;
      let a = 0;
      if (r.long && b > workerData.noiseMs) {
        // Slow enough to matter: measure again (a pause of the machine must not pass for backtracking).
        b = Math.min(b, scan(re, pump(unit, n, ending)), scan(re, pump(unit, n, ending)));
        a = Math.min(scan(re, pump(unit, 3000, ending)), scan(re, pump(unit, 3000, ending)), scan(re, pump(unit, 3000, ending)));
      }
      worst = { ms: b, growth: a ? b / Math.max(a, 0.05) : 0, unit, ending, small: a, n };
      // One proof is enough: stop at the first string that is too slow or grows super-linearly.
      if (b > workerData.hardMs || (a && b > workerData.noiseMs && worst.growth > workerData.maxGrowth)) { results.push({ i, ...worst }); return; }
    }
  }
  results.push({ i, ...worst });
});
parentPort.postMessage({ done: results });
`;

interface ScanResult { i: number; ms: number; growth: number; unit: string; ending: string; small: number; n: number; error?: string }

/** Runs the scans in a worker, terminating it if one regex runs past the deadline (exponential backtracking). */
function scanAll(regexes: readonly Found[], deadlineMs: number): Promise<ScanResult[]> {
  return new Promise((resolveScan, reject) => {
    const long = (r: Found): boolean => r.maxInput < 0 || r.maxInput > LONG_INPUT;
    const workerData = { regexes: regexes.map((r) => ({ source: r.source, flags: r.flags, long: long(r) })), hardMs: HARD_MS, noiseMs: NOISE_MS, maxGrowth: MAX_GROWTH };
    const worker = new Worker(WORKER, { eval: true, workerData });
    let current: { progress: number; unit: string; ending: string } | null = null;
    let timer = setTimeout(stuck, deadlineMs);
    function stuck(): void {
      void worker.terminate();
      const r = current ? regexes[current.progress] : undefined;
      reject(new Error(r ? `catastrophic backtracking: /${r.source}/${r.flags} (${r.where}) did not finish on ${JSON.stringify(current!.unit)}×N + ${JSON.stringify(current!.ending)}` : 'the scan worker did not start'));
    }
    worker.on('message', (m: { progress?: number; unit: string; ending: string; done?: ScanResult[] }) => {
      if (m.done) { clearTimeout(timer); void worker.terminate(); resolveScan(m.done); return; }
      current = m as { progress: number; unit: string; ending: string };
      // Each string gets its own deadline: a hung regex is caught within seconds, a long list still finishes.
      clearTimeout(timer);
      timer = setTimeout(stuck, 10_000);
    });
    worker.on('error', (e) => { clearTimeout(timer); reject(e); });
  });
}

const { regexes, constructed } = collect();

test('the regexes under test include every literal and the patterns built with new RegExp', () => {
  const literalCount = regexes.filter((r) => r.where !== 'executed by the core').length;
  assert.ok(literalCount >= 100, `only ${literalCount} regex literals found`);
  // Each `new RegExp(` site builds a pattern no literal spells; it must have been executed (and so collected).
  const executedOnly = regexes.filter((r) => r.where === 'executed by the core');
  assert.ok(executedOnly.length >= constructed.length, `new RegExp sites ${constructed.join(', ')}; executed-only regexes ${executedOnly.length}`);
});

test('no regular expression backtracks catastrophically or super-linearly on long input', async () => {
  const results = await scanAll(regexes, 60_000);
  const problems: string[] = [];
  for (const r of results) {
    const re = regexes[r.i]!;
    const source = re.source.length > 160 ? re.source.slice(0, 160) + '…' : re.source;
    const name = `/${source}/${re.flags} (${re.where}; longest input seen ${re.maxInput})`;
    if (r.error) { problems.push(`${name}: ${r.error}`); continue; }
    const what = `${JSON.stringify(r.unit)}×N + ${JSON.stringify(r.ending)}: ${r.ms.toFixed(1)} ms at ${r.n}` + (r.small ? `, ${r.small.toFixed(1)} ms at 3000` : '');
    if (r.ms > HARD_MS) problems.push(`${name}: ${what}`);
    else if (r.n > 3000 && r.ms > NOISE_MS && r.growth > MAX_GROWTH) problems.push(`${name}: super-linear, ${what}`);
  }
  assert.deepEqual(problems, []);
});

test('static analysis with scslre: no exponential backtracking', async (t) => {
  let analyse: ((literal: unknown, options?: unknown) => { reports: { type: string; exponential: boolean }[] }) | undefined;
  let parse: ((source: string, flags: string) => unknown) | undefined;
  try {
    // Optional: present when the project installs scslre (a devDependency), skipped visibly otherwise.
    const scslre = require('scslre') as { analyse: typeof analyse };
    const { RegExpParser } = require('@eslint-community/regexpp') as { RegExpParser: new (o?: unknown) => { parseLiteral(s: string): unknown } };
    analyse = scslre.analyse;
    const parser = new RegExpParser({ ecmaVersion: 2024 });
    parse = (source, flags) => parser.parseLiteral(`/${source}/${flags}`);
  } catch {
    t.skip('scslre is not installed (npm i -D scslre); the dynamic scan above still runs');
    return;
  }
  const exponential: string[] = [];
  const polynomial: string[] = [];
  let analysed = 0;
  for (const re of regexes) {
    let literal: unknown;
    try { literal = parse!(re.source, re.flags); } catch { continue; }
    analysed++;
    const { reports } = analyse!(literal, { maxReports: 5 });
    const name = `/${re.source.slice(0, 160)}/${re.flags} (${re.where}; longest input seen ${re.maxInput})`;
    if (reports.some((x) => x.exponential)) exponential.push(name);
    // Polynomial reports matter where the core hands the regex long input; they are listed, the dynamic scan judges.
    else if (reports.length && (re.maxInput < 0 || re.maxInput > LONG_INPUT)) polynomial.push(`${name}: ${reports.map((x) => x.type).join(', ')}`);
  }
  for (const p of polynomial) t.diagnostic(`scslre polynomial report on a long-input regex: ${p}`);
  assert.ok(analysed >= regexes.length * 0.9, `scslre parsed only ${analysed} of ${regexes.length} regexes`);
  assert.deepEqual(exponential, []);
});
