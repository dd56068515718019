/**
 * `node --import tsx bench/keystroke.ts [EDITS]`: re-analysis latency after one-character edits in a 5,000-word article,
 * in its own process (as the workspace runs are), after the engine has analysed the warm-up and benchmark articles as
 * it has in `bench.ts`: no other tool's garbage is collected during the timings. Prints {p50, p95, edits} last;
 * `--each` prints every edit's latency first, in order.
 */
import { benchEngine, realArticles, warmupArticles } from './corpus';

const edits = Number(process.argv[2] ?? 60);
const engine = benchEngine();
const articles = realArticles();
for (const t of [...warmupArticles(150), ...articles]) engine.analyze(t);
const long = articles.filter((t) => t.length > 2000).join('\n\n').split(/\s+/).slice(0, 5000).join(' ');
const index = engine.createIndex();
index.set('long.txt', long);
const latencies: number[] = [];
for (let i = 0; i < edits; i++) {
  const at = Math.floor((long.length * (i + 1)) / (edits + 2));
  const edited = long.slice(0, at) + 'x' + long.slice(at);
  const t0 = performance.now();
  index.set('long.txt', edited);
  latencies.push(performance.now() - t0);
}
if (process.argv.includes('--each')) process.stdout.write(`keystroke: ${latencies.map((t) => t.toFixed(0)).join(' ')}\n`);
latencies.sort((a, b) => a - b);
const pct = (p: number): number => latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))]!;
process.stdout.write(JSON.stringify({ p50: pct(0.5), p95: pct(0.95), edits }) + '\n');
