/**
 * `[EDITS=3] [EDIT=name|first|delete] node --import tsx bench/profileIncremental.ts N [OUT.cpuprofile]`: times (and profiles)
 * one edited file re-cross-referenced in N articles. The edit appends a sentence without names to the first article, or
 * with `EDIT=name` one that names a new person (the entities are then resolved again), or with `EDIT=first` puts that
 * sentence first (every other mention of the article is renumbered too), or with `EDIT=delete` deletes an article (the
 * k-th edit deletes article k). Each edit's time is printed with the CPU time
 * its thread spent (where Linux says it), steadier than the wall time on a shared machine.
 */
import { readFileSync } from 'node:fs';
import { benchEngine, profiled, realArticles, replicate } from './corpus';

/** The main thread's CPU time in ms (Linux), or NaN. */
function threadCpuMs(): number {
  try { return Number(readFileSync(`/proc/self/task/${process.pid}/schedstat`, 'utf8').split(' ')[0]) / 1e6; } catch { return NaN; }
}

const n = Number(process.argv[2] ?? 1000);
const engine = benchEngine();
const texts = replicate(realArticles(), n);
const index = engine.createIndex();
let t0 = performance.now();
texts.forEach((t, i) => index.set(`a${i}.txt`, t));
const analysed = performance.now() - t0;
t0 = performance.now();
index.workspace();
process.stdout.write(`analyse ${analysed.toFixed(0)} ms, cross-reference ${(performance.now() - t0).toFixed(0)} ms\n`);
void profiled(process.argv[3], () => {
  for (let k = 0; k < Number(process.env.EDITS ?? 3); k++) {
    const t1 = performance.now(), c1 = threadCpuMs();
    if (process.env.EDIT === 'delete') {
      index.delete(`a${k}.txt`);
      index.workspace();
      process.stdout.write(`delete ${k}: ${(performance.now() - t1).toFixed(0)} ms (thread CPU ${(threadCpuMs() - c1).toFixed(0)} ms)\n`);
      continue;
    }
    const who = process.env.EDIT === 'name' || process.env.EDIT === 'first' ? `Zoltan Kertesz${'z'.repeat(k)}` : 'Officials';
    const sentence = `${who} said ${12 + k} people were hurt.`;
    index.set('a0.txt', process.env.EDIT === 'first' ? `${sentence}\n\n${texts[0]}` : `${texts[0]}\n\n${sentence}`);
    index.workspace();
    process.stdout.write(`edit ${k}: ${(performance.now() - t1).toFixed(0)} ms (thread CPU ${(threadCpuMs() - c1).toFixed(0)} ms)\n`);
  }
});
