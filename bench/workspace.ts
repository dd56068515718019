/** One cold cross-reference of N articles, in its own process: prints {articles, seconds, rssMB, incrementalMs, analyzeSeconds, crossReferenceSeconds}. */
import { benchEngine, realArticles, replicate } from './corpus';

const n = Number(process.argv[2] ?? 1000);
const engine = benchEngine();
const texts = replicate(realArticles(), n);
let peak = 0;
const sampleRss = (): void => { peak = Math.max(peak, process.memoryUsage().rss); };
const timer = setInterval(sampleRss, 50);
const t0 = performance.now();
const index = engine.createIndex();
texts.forEach((t, i) => { index.set(`a${i}.txt`, t); if (i % 100 === 0) sampleRss(); });
const analyzeSeconds = (performance.now() - t0) / 1000;
index.workspace();
const seconds = (performance.now() - t0) / 1000;
sampleRss();
const t1 = performance.now();
index.set('a0.txt', texts[0] + '\n\nOfficials said 12 people were hurt.');
index.workspace();
const incrementalMs = performance.now() - t1;
sampleRss();
clearInterval(timer);
// `seconds` is what opening the folder costs (every article analysed, then cross-referenced); the split is reported too.
process.stdout.write(JSON.stringify({ articles: n, seconds, rssMB: Math.round(peak / 1e6), incrementalMs, analyzeSeconds, crossReferenceSeconds: seconds - analyzeSeconds }) + '\n');
