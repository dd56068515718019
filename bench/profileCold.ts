/** `node --import tsx bench/profileCold.ts N OUT.cpuprofile`: profiles the cold cross-reference of N articles (analysis not profiled). */
import { readFileSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import { join, resolve } from 'node:path';
import { createCrosscheck } from '../src/core/index';
import { realArticles, replicate } from './corpus';

const engine = createCrosscheck({ readNerModel: () => readFileSync(join(resolve(__dirname, '..'), 'models', 'ner.json'), 'utf8') });
const texts = replicate(realArticles(), Number(process.argv[2] ?? 1000));
const index = engine.createIndex();
texts.forEach((t, i) => index.set(`a${i}.txt`, t));
const session = new Session();
session.connect();
const post = (m: string, p?: object): Promise<unknown> => new Promise((res, rej) => session.post(m, p, (e, r) => (e ? rej(e) : res(r))));
void (async () => {
  await post('Profiler.enable');
  await post('Profiler.start');
  const t0 = performance.now();
  index.workspace();
  process.stdout.write(`cross-reference ${(performance.now() - t0).toFixed(0)} ms, heap ${Math.round(process.memoryUsage().heapUsed / 1e6)} MB\n`);
  const { profile } = (await post('Profiler.stop')) as { profile: unknown };
  if (process.argv[3]) writeFileSync(process.argv[3], JSON.stringify(profile));
})();
