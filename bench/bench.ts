/**
 * `npm run bench [-- --quick]`: speed and memory of Crosscheck against the JavaScript peers, one run, one machine.
 * Its last stdout line is one JSON object (issue 6). Never part of `npm test`.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { benchEngine, hasData, realArticles, shippedCore, warmupArticles } from './corpus';

const quick = process.argv.includes('--quick');
const root = resolve(__dirname, '..');
const engine = benchEngine();
const mb = (texts: readonly string[]): number => texts.reduce((n, t) => n + Buffer.byteLength(t), 0) / 1e6;
const now = (): number => performance.now();
const log = (s: string): void => void process.stdout.write(s + '\n');

if (!hasData) {
  log('bench: ../shared/eval/data is absent; the benchmark needs its real articles. Nothing measured.');
  process.exit(0);
}

const articles = realArticles();
engine.analyze(articles[0]!); // load the model outside the timings
// Warm up on other real articles, so the timed pass is the steady state on articles never seen (see `warmupArticles`).
const warmup = warmupArticles(quick ? 40 : 150);

/** Milliseconds from the start of a pass of `fn` over the texts to the end of each, after warming up on other articles. */
function timedPass(texts: readonly string[], fn: (t: string) => unknown, warm: readonly string[] = warmup): number[] {
  for (const t of warm) fn(t);
  const elapsed: number[] = [];
  const t0 = now();
  for (const t of texts) { fn(t); elapsed.push(now() - t0); }
  return elapsed;
}

/** MB/s over the first `n` texts of a timed pass. */
const rate = (texts: readonly string[], elapsed: readonly number[], n = texts.length): number =>
  mb(texts.slice(0, n)) / (elapsed[Math.min(n, texts.length) - 1]! / 1000);

/** Throughput of a per-article function over the texts, MB/s, on one core, after warming up on other articles. */
const throughput = (texts: readonly string[], fn: (t: string) => unknown): number => rate(texts, timedPass(texts, fn));

const sample = quick ? articles.slice(0, 120) : articles;
const analyzePass = timedPass(sample, (t) => engine.analyze(t));
const analyzeMBps = rate(sample, analyzePass);
log(`crosscheck analyze: ${analyzeMBps.toFixed(2)} MB/s over ${mb(sample).toFixed(2)} MB`);

// The entity tagger alone (tokens, sentences, Viterbi over BIO tags), the figure issue 3 targets.
const { loadTagger, splitSentences, tokenize } = shippedCore();
const tagger = loadTagger(readFileSync(join(root, 'models', 'ner.json'), 'utf8'));
const tagMBps = throughput(sample, (t) => {
  const tokens = tokenize(t);
  for (const s of splitSentences(t, tokens)) tagger.tagSentence(tokens, s, t);
});
log(`entity tagging alone: ${tagMBps.toFixed(2)} MB/s`);

function peer(name: string, make: () => ((t: string) => unknown) | null, texts: readonly string[]): number | null {
  let fn: ((t: string) => unknown) | null = null;
  try {
    fn = make();
  } catch {
    fn = null;
  }
  if (!fn) {
    log(`${name}: not installed, skipped`);
    return null;
  }
  const r = throughput(texts, fn);
  log(`${name}: ${r.toFixed(3)} MB/s over ${mb(texts).toFixed(2)} MB`);
  return r;
}
// The peers are slower: they get the first articles only, and Crosscheck's figure on those same texts (from its timed
// pass above, where they were new to it) stands beside theirs.
const peerTexts = articles.slice(0, quick ? 15 : 60);
const analyzeOnPeerTextsMBps = rate(sample, analyzePass, peerTexts.length);
const compromiseMBps = peer('compromise (people, places, organisations)', () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const nlp = require('compromise');
  return (t) => { const d = nlp(t); d.people().out('array'); d.places().out('array'); d.organizations().out('array'); };
}, peerTexts);
const winkMBps = peer('wink-nlp (entities)', () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const winkNLP = require('wink-nlp'); const model = require('wink-eng-lite-web-model');
  const nlp = winkNLP(model); const its = nlp.its;
  return (t) => nlp.readDoc(t).entities().out(its.detail);
}, sample);

const vsCompromise = compromiseMBps === null ? null : analyzeOnPeerTextsMBps / compromiseMBps;
if (vsCompromise !== null) log(`on compromise's texts Crosscheck analyses ${analyzeOnPeerTextsMBps.toFixed(2)} MB/s: ${vsCompromise.toFixed(1)}× compromise`);

// Re-analysis after a one-character edit in a 5,000-word article, in its own process (see keystroke.ts).
let keystroke = { p50: NaN, p95: NaN };
{
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(__dirname, 'keystroke.ts'), String(quick ? 20 : 60)], { encoding: 'utf8' });
  try {
    keystroke = JSON.parse(r.stdout.trim().split('\n').pop() ?? '') as { p50: number; p95: number };
    log(`keystroke re-analysis in a 5,000-word article: p50 ${keystroke.p50.toFixed(1)} ms, p95 ${keystroke.p95.toFixed(1)} ms`);
  } catch {
    log(`keystroke: not measured (${r.stderr.slice(-300)})`);
  }
}

// Cold cross-reference of large workspaces, each in its own process so peak RSS is its own.
const sizes = quick ? [200, 1000] : [1000, 10000];
const workspace: { articles: number; seconds: number; rssMB: number }[] = [];
let incrementalMs = 0;
for (const n of sizes) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(__dirname, 'workspace.ts'), String(n)], { encoding: 'utf8', maxBuffer: 1 << 26 });
  const last = r.stdout.trim().split('\n').pop() ?? '{}';
  try {
    const w = JSON.parse(last) as { articles: number; seconds: number; rssMB: number; incrementalMs: number };
    workspace.push({ articles: w.articles, seconds: w.seconds, rssMB: w.rssMB });
    incrementalMs = w.incrementalMs;
    log(`workspace of ${n}: ${w.seconds.toFixed(1)} s cold, peak RSS ${w.rssMB} MB, one edited file ${w.incrementalMs.toFixed(0)} ms`);
  } catch {
    log(`workspace of ${n}: failed (${r.stderr.slice(-300)})`);
  }
}

// Extension activation: load the bundle and call activate() against a stand-in vscode API.
let activationMs: number | null = null;
try {
  const out = execFileSync(process.execPath, [join(__dirname, 'activation.cjs')], { encoding: 'utf8', cwd: root });
  activationMs = Number(out.trim().split('\n').pop());
  log(`activation: ${activationMs.toFixed(1)} ms`);
} catch (e) {
  log(`activation: not measured (${(e as Error).message.split('\n')[0]})`);
}

// Reopening a folder: the worker indexes the articles with an empty analysis cache, then with the one it filled.
interface Reload { articles: number; coldSeconds: number; warmSeconds: number }
let reload: Reload | null = null;
try {
  const out = execFileSync(process.execPath, ['--import', 'tsx', join(__dirname, 'reload.ts'), String(quick ? 200 : 1000)], { encoding: 'utf8', cwd: root });
  const r = JSON.parse(out.trim().split('\n').pop()!) as Reload;
  reload = r;
  log(`reopening ${r.articles} articles: ${r.coldSeconds.toFixed(2)} s the first time, ${r.warmSeconds.toFixed(2)} s from the analysis cache`);
} catch (e) {
  log(`reopen: not measured (${(e as Error).message.split('\n')[0]}; is dist/worker.js built?)`);
}

// The packaged extension's size.
let vsixBytes: number | null = null;
const dir = mkdtempSync(join(tmpdir(), 'crosscheck-vsix-'));
try {
  execFileSync('npm', ['run', '--silent', 'package', '--', '--out', join(dir, 'c.vsix')], { cwd: root, stdio: 'pipe' });
  vsixBytes = statSync(join(dir, 'c.vsix')).size;
  log(`vsix: ${(vsixBytes / 1e6).toFixed(2)} MB`);
} catch (e) {
  log(`vsix: not packaged (${(e as Error).message.split('\n')[0]})`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}

const round = (x: number | null, d = 3): number | null => (x === null ? null : Math.round(x * 10 ** d) / 10 ** d);
log(JSON.stringify({
  analyzeMBps: round(analyzeMBps), tagMBps: round(tagMBps), compromiseMBps: round(compromiseMBps, 4), winkMBps: round(winkMBps),
  analyzeOnCompromiseTextsMBps: round(analyzeOnPeerTextsMBps), vsCompromise: round(vsCompromise, 1),
  keystrokeP95Ms: round(keystroke.p95, 1), workspace, incrementalMs: round(incrementalMs, 1), activationMs: round(activationMs, 1), vsixBytes,
  reload: reload === null ? null : { articles: reload.articles, coldSeconds: round(reload.coldSeconds, 2), warmSeconds: round(reload.warmSeconds, 2) },
}));
