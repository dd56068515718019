import { readFileSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import { createCrosscheck } from '../src/core/index';
import { realArticles, replicate } from './corpus';
const engine = createCrosscheck({ readNerModel: () => readFileSync('models/ner.json', 'utf8') });
const texts = replicate(realArticles(), Number(process.argv[2]));
const index = engine.createIndex();
texts.forEach((t, i) => index.set(`a${i}.txt`, t));
const session = new Session(); session.connect();
const post = (m: string, p?: object): Promise<unknown> => new Promise((res, rej) => session.post(m, p, (e, r) => (e ? rej(e) : res(r))));
void (async () => {
  await post('Profiler.enable'); await post('Profiler.start');
  const t0 = performance.now(); index.workspace(); console.log('xref', performance.now() - t0);
  const { profile } = (await post('Profiler.stop')) as { profile: unknown };
  writeFileSync(process.argv[3]!, JSON.stringify(profile));
})();
