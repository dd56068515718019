/** `node --import tsx bench/profileCold.ts N OUT.cpuprofile`: profiles the cold cross-reference of N articles (analysis not profiled). */
import { benchEngine, profiled, realArticles, replicate } from './corpus';

const engine = benchEngine();
const texts = replicate(realArticles(), Number(process.argv[2] ?? 1000));
const index = engine.createIndex();
texts.forEach((t, i) => index.set(`a${i}.txt`, t));
void profiled(process.argv[3], () => {
  const t0 = performance.now();
  index.workspace();
  process.stdout.write(`cross-reference ${(performance.now() - t0).toFixed(0)} ms, heap ${Math.round(process.memoryUsage().heapUsed / 1e6)} MB\n`);
});
