/** `[EDITS=3] node --import tsx bench/profileIncremental.ts N [OUT.cpuprofile]`: times (and profiles) one edited file re-cross-referenced in N articles. */
import { readFileSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import { join, resolve } from 'node:path';
import { createCrosscheck } from '../src/core/index';
import { realArticles, replicate } from './corpus';

const n = Number(process.argv[2] ?? 1000);
const engine = createCrosscheck({ readNerModel: () => readFileSync(join(resolve(__dirname, '..'), 'models', 'ner.json'), 'utf8') });
const texts = replicate(realArticles(), n);
const index = engine.createIndex();
let t0 = performance.now();
texts.forEach((t, i) => index.set(`a${i}.txt`, t));
const analysed = performance.now() - t0;
t0 = performance.now();
index.workspace();
process.stdout.write(`analyse ${analysed.toFixed(0)} ms, cross-reference ${(performance.now() - t0).toFixed(0)} ms\n`);
const session = new Session();
session.connect();
const post = (m: string, p?: object): Promise<unknown> => new Promise((res, rej) => session.post(m, p, (e, r) => (e ? rej(e) : res(r))));
void (async () => {
  await post('Profiler.enable');
  await post('Profiler.start');
  for (let k = 0; k < Number(process.env.EDITS ?? 3); k++) {
    const t1 = performance.now();
    index.set('a0.txt', texts[0] + `\n\nOfficials said ${12 + k} people were hurt.`);
    index.workspace();
    process.stdout.write(`edit ${k}: ${(performance.now() - t1).toFixed(0)} ms\n`);
  }
  const { profile } = (await post('Profiler.stop')) as { profile: unknown };
  if (process.argv[3]) writeFileSync(process.argv[3], JSON.stringify(profile));
})();
