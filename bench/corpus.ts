import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { buildSync } from 'esbuild';
import type { Crosscheck } from '../src/core/index';

/** ../shared/eval/data beside the checkout; the benchmark's texts are real news from there. */
export const DATA = resolve(__dirname, '..', '..', 'shared', 'eval', 'data');
export const hasData = existsSync(join(DATA, 'attribution', 'polnear-dev.jsonl'));

const readJsonl = <T>(file: string): T[] => readFileSync(file, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as T);

/** Real articles: PolNeAR (2016 election news) and CoNLL-2003 (Reuters) texts. */
export function realArticles(): string[] {
  const polnear = readJsonl<{ text: string }>(join(DATA, 'attribution', 'polnear-dev.jsonl')).map((r) => r.text);
  const conll = readJsonl<{ text: string }>(join(DATA, 'ner', 'conll2003-dev.jsonl')).map((r) => r.text);
  return [...polnear, ...conll];
}

/**
 * Other real articles (PolNeAR train) to warm up on: the JIT settles on them, so a timed pass over `realArticles`
 * measures the steady state on articles never seen before (no per-word memo is warm for them).
 */
export function warmupArticles(n: number): string[] {
  return readJsonl<{ text: string }>(join(DATA, 'attribution', 'polnear-train.jsonl')).slice(0, n).map((r) => r.text);
}

const GIVEN = ['Amal', 'Boris', 'Chen', 'Dana', 'Emeka', 'Farah', 'Goran', 'Hana', 'Ivo', 'Jalil', 'Kemal', 'Lior', 'Mira', 'Nadia', 'Omar', 'Pavel'];
const FAMILY = ['Haddad', 'Novak', 'Okafor', 'Petrov', 'Quispe', 'Rahimi', 'Sato', 'Tamm', 'Urbina', 'Vance', 'Weiss', 'Yilmaz', 'Zaman', 'Brandt'];

/**
 * `n` articles made from the real ones with names and numbers varied, so that a large workspace has
 * real cross-referencing work (shared entities, near-duplicate claims that differ in a number).
 */
export function replicate(base: readonly string[], n: number, seed = 1): string[] {
  let s = seed;
  const rand = (k: number): number => {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    return (s >>> 8) % k;
  };
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    const src = base[i % base.length]!;
    const who = `${GIVEN[rand(GIVEN.length)]} ${FAMILY[rand(FAMILY.length)]}`;
    const varied = src
      .replace(/\b\d+\b/g, (d) => (rand(4) === 0 ? String(Number(d) + 1 + rand(9)) : d))
      .replace(/\b(said|told reporters)\b/, `$1, according to ${who},`);
    out.push(i < base.length ? src : varied);
  }
  return out;
}

type ShippedCore = typeof import('./shippedCore');
let shipped: ShippedCore | undefined;

/**
 * The core as the extension and the CLI run it: bundled by esbuild with the options esbuild.mjs gives dist/ (platform
 * node, ES2022). Run through tsx's per-file transform instead, the same code is about 10% slower (it keeps function
 * names and rewrites \p{…} literals into RegExp calls), which is not what users run.
 */
export function shippedCore(): ShippedCore {
  if (shipped) return shipped;
  const dir = mkdtempSync(join(tmpdir(), 'crosscheck-bench-'));
  try {
    const outfile = join(dir, 'core.cjs');
    buildSync({ entryPoints: [join(__dirname, 'shippedCore.ts')], bundle: true, platform: 'node', format: 'cjs', target: 'es2022', outfile, logLevel: 'warning' });
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    shipped = require(outfile) as ShippedCore;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return shipped;
}

/** The engine every benchmark script uses (the bundled core), reading the shipped model. */
export function benchEngine(): Crosscheck {
  return shippedCore().createCrosscheck({ readNerModel: () => readFileSync(join(resolve(__dirname, '..'), 'models', 'ner.json'), 'utf8') });
}

/** Runs `work` under the V8 CPU profiler and writes the profile to `out` when given (open it in Chrome DevTools). */
export async function profiled(out: string | undefined, work: () => void): Promise<void> {
  const session = new Session();
  session.connect();
  const post = (m: string, p?: object): Promise<unknown> => new Promise((res, rej) => session.post(m, p, (e, r) => (e ? rej(e) : res(r))));
  await post('Profiler.enable');
  await post('Profiler.start');
  work();
  const { profile } = (await post('Profiler.stop')) as { profile: unknown };
  if (out) writeFileSync(out, JSON.stringify(profile));
  session.disconnect();
}
