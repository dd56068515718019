/**
 * `node --import tsx bench/regression.ts OUT.json`: the contract JSON of the PolNeAR dev and CoNLL dev texts, the seed
 * articles and samples/, each set analysed and cross-referenced through the core, for byte-for-byte comparison before
 * and after a speed change (results must not change). Also checks the index (`set` + `workspace()`) against the pure
 * computation after a sequence of edits.
 */
import { readFileSync, readdirSync, writeFileSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { toContractJson, type AnalyzedDocument } from '../src/core/index';
import { benchEngine, DATA } from './corpus';

const root = resolve(__dirname, '..');
const engine = benchEngine();
const readJsonl = (file: string): { text: string }[] => readFileSync(file, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as { text: string });

const sets: Record<string, { id: string; text: string }[]> = {};
sets.polnear = readJsonl(join(DATA, 'attribution', 'polnear-dev.jsonl')).map((r, i) => ({ id: `polnear/${i}`, text: r.text }));
sets.conll = readJsonl(join(DATA, 'ner', 'conll2003-dev.jsonl')).map((r, i) => ({ id: `conll/${i}`, text: r.text }));
const seedDir = resolve(root, '..', 'shared', 'seeds');
if (existsSync(seedDir)) sets.seeds = readdirSync(seedDir).filter((f) => f.endsWith('.txt')).sort().map((f) => ({ id: f, text: readFileSync(join(seedDir, f), 'utf8') }));
sets.samples = readdirSync(join(root, 'samples')).sort().map((f) => ({ id: f, text: readFileSync(join(root, 'samples', f), 'utf8').replace(/^\uFEFF/, '') }));
const hedgeFile = join(DATA, 'hedges', 'factbank-news.jsonl');
if (existsSync(hedgeFile)) sets.factbank = readJsonl(hedgeFile).slice(0, 200).map((r, i) => ({ id: `fb/${i}`, text: r.text }));

const out: Record<string, unknown> = {};
for (const [name, items] of Object.entries(sets)) {
  const docs: AnalyzedDocument[] = items.map((d) => ({ id: d.id, text: d.text, analysis: engine.analyze(d.text) }));
  const ws = engine.crossReference(docs);
  out[name] = toContractJson(docs, ws);
  // The same through the index, with a few edits, must equal the pure computation.
  const index = engine.createIndex();
  for (const d of items) index.set(d.id, d.text);
  index.workspace();
  for (const d of items.slice(0, 3)) index.set(d.id, d.text + '\n\nOfficials said 12 people were hurt.');
  index.workspace();
  for (const d of items.slice(0, 3)) index.set(d.id, d.text);
  const again = toContractJson(index.documents(), index.workspace());
  if (JSON.stringify(again) !== JSON.stringify(out[name])) process.stderr.write(`regression: ${name}: the index differs from the pure computation\n`);
}
const file = process.argv[2] ?? 'regression.json';
writeFileSync(file, JSON.stringify(out, null, 1));
process.stderr.write(`regression: wrote ${file}\n`);

// The pair scores behind `crosscheck match` and claim alignment, to full precision.
const matchFile = join(DATA, 'match', 'msrp-train.jsonl');
if (existsSync(matchFile)) {
  const pairs = readFileSync(matchFile, 'utf8').split('\n').filter(Boolean).slice(0, 1500).map((l) => JSON.parse(l) as { a: string; b: string });
  const scores = pairs.map((p) => engine.match(p.a, p.b).score);
  writeFileSync(file.replace(/\.json$/, '') + '.match.json', JSON.stringify(scores));
}
