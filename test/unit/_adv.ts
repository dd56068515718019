import { createCrosscheck } from '../../src/core/index';
import { readModel } from './sharedData';
import { checkAnalysis } from './invariants';
const cc = createCrosscheck({ readNerModel: readModel });
cc.analyze('warm up. Rami Haddad said.');
const MB = 1 << 20;
const cases: [string, () => string][] = [
  ['punct 1MB', () => '.,;:!?-()[]{}'.repeat(MB / 13)],
  ['periods 1MB', () => '.'.repeat(MB)],
  ['dot space 200k', () => '. '.repeat(100000)],
  ['quotes 1MB', () => '"“”‘’\'«»'.repeat(MB / 8)],
  ['straight quotes 1MB', () => ' "'.repeat(MB / 2)],
  ['curly open 1MB', () => '“'.repeat(MB)],
  ['line 200k', () => 'word '.repeat(40000)],
  ['cap line 200k', () => 'Word '.repeat(40000)],
  ['said line 200k', () => 'he said '.repeat(25000)],
  ['MajGen x50000', () => 'Maj. Gen. '.repeat(50000)],
  ['a*30000!', () => 'a'.repeat(30000) + '!'],
  ['A*30000', () => 'A'.repeat(30000)],
  ['digits 200k', () => '1'.repeat(200000)],
  ['digits comma', () => '1,'.repeat(100000)],
  ['U.S. x', () => 'U.S.'.repeat(50000)],
  ['A. x', () => 'A. '.repeat(60000)],
  ['al- x', () => 'al-'.repeat(60000)],
  ['newlines', () => '\n'.repeat(MB)],
  ['emoji', () => '😀👍🏽🇮🇱'.repeat(50000)],
  ['rtl', () => 'שלום עולם مرحبا بالعالم '.repeat(10000)],
  ['nul', () => '\u0000'.repeat(MB)],
  ['lone surrogates', () => '\ud800a\udc00'.repeat(100000)],
  ['http', () => 'http://'.repeat(30000)],
  ['www.', () => 'www.'.repeat(50000)],
  ['dashes', () => '-'.repeat(MB)],
  ['#', () => '#'.repeat(200000)],
  ['according to', () => 'according to '.repeat(20000)],
  ['said that', () => 'Officials said that '.repeat(10000)],
  ['names', () => 'Rami Haddad '.repeat(20000)],
  ['dates', () => 'May 16, 2025 '.repeat(20000)],
  ['numbers words', () => 'two hundred thousand '.repeat(10000)],
  ['money', () => '$5 million '.repeat(20000)],
];
for (const [name, make] of cases) {
  const s = make();
  const t = performance.now();
  let err = '';
  try { checkAnalysis(s, cc.analyze(s)); } catch (e) { err = (e as Error).message.slice(0, 300); }
  console.log(name.padEnd(20), s.length, (performance.now() - t).toFixed(0), 'ms', err);
}
