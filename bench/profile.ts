/**
 * `node --import tsx [--cpu-prof] bench/profile.ts [PASSES] [ARTICLES]`: per-article analysis of the real texts, as
 * the benchmark times it (after warming up on 150 other articles), for profiling. The first pass is the benchmark's
 * figure (articles never seen); later passes meet warm memos. CPU time is printed too: it shifts less than the wall
 * clock on a busy machine. Edits are profiled with `node --cpu-prof --import tsx bench/keystroke.ts 60 --each`.
 */
import { benchEngine, realArticles, warmupArticles } from './corpus';

const engine = benchEngine();
const passes = Number(process.argv[2] ?? 3);
const arts = realArticles().slice(0, Number(process.argv[3] ?? 1e9));
for (const t of warmupArticles(150)) engine.analyze(t);
const mb = arts.reduce((n, t) => n + Buffer.byteLength(t), 0) / 1e6;
for (let r = 0; r < passes; r++) {
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  for (const t of arts) engine.analyze(t);
  const s = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(c0).user / 1e6;
  process.stdout.write(`${(mb / s).toFixed(3)} MB/s, ${(mb / cpu).toFixed(3)} MB/s of CPU time (${mb.toFixed(2)} MB)\n`);
}

