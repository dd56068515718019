import { createCrosscheck } from '../../src/core/index';
import { readModel } from './sharedData';
const cc = createCrosscheck({ readNerModel: readModel });
cc.analyze('warm up. Rami Haddad said.');
const units: [string, string][] = [
  ['he said', 'he said '], ['said', 'said '], ['told', 'Officials told CNN '], ['quote said', '“We will,” he said, '], ['news', 'Maj. Gen. Oded Basiuk told CNN on Friday that six people were reportedly killed, a senior source said; '],
  ['curly', '“'], ['punct', '.,;:!?-()'], ['nul', '\u0000'], ['dates', 'May 16, 2025 '], ['money', '$5 million '], ['A. ', 'A. '], ['emoji', '😀👍🏽'], ['lone', '\ud800a\udc00'],
  ['according', 'according to the ministry, '], ['who said', 'Rubio, who said '], ['denied', 'the army denied it and '], ['quote open', '"We '], ['he', 'he '],
  ['hedges', 'reportedly allegedly may could it is believed '], ['names,', 'Rami Haddad, '], ['caps', 'Rami '],
];
const time = (s: string): number => { const r: number[] = []; for (let i = 0; i < 3; i++) { const t = performance.now(); cc.analyze(s); r.push(performance.now() - t); } return r.sort((a, b) => a - b)[1]!; };
for (const [name, u] of units) {
  const small = u.repeat(Math.ceil(10000 / u.length)).slice(0, 10000);
  const big = u.repeat(Math.ceil(100000 / u.length)).slice(0, 100000);
  const a = time(small), b = time(big);
  console.log(name.padEnd(12), a.toFixed(1), b.toFixed(1), (b / a).toFixed(1));
}
