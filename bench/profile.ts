/**
 * `node --import tsx [--cpu-prof] bench/profile.ts [PASSES] [ARTICLES]`: per-article analysis of the real texts, as
 * the benchmark times it (one warm-up article, then the texts), for profiling.
 */
import { benchEngine, realArticles } from './corpus';

const engine = benchEngine();
const passes = Number(process.argv[2] ?? 3);
const arts = realArticles().slice(0, Number(process.argv[3] ?? 1e9));
engine.analyze(arts[0]!);
const mb = arts.reduce((n, t) => n + Buffer.byteLength(t), 0) / 1e6;
for (let r = 0; r < passes; r++) {
  const t0 = performance.now();
  for (const t of arts) engine.analyze(t);
  const s = (performance.now() - t0) / 1000;
  process.stdout.write(`${(mb / s).toFixed(3)} MB/s (${mb.toFixed(2)} MB)\n`);
}

if (process.argv.includes('--keystroke')) {
  // As bench.ts measures it: one-character edits in a 5,000-word article through the index.
  const long = realArticles().filter((t) => t.length > 2000).join('\n\n').split(/\s+/).slice(0, 5000).join(' ');
  const index = engine.createIndex();
  index.set('long.txt', long);
  const times: number[] = [];
  for (let i = 0; i < 60; i++) {
    const at = Math.floor((long.length * (i + 1)) / 62);
    const t0 = performance.now();
    index.set('long.txt', long.slice(0, at) + 'x' + long.slice(at));
    times.push(performance.now() - t0);
  }
  process.stdout.write(`keystroke: ${times.map((t) => t.toFixed(0)).join(' ')}\n`);
}
