/*
 * Trains the named-entity tagger (models/ner.json): a structured averaged perceptron over BIO tags with Viterbi
 * decoding (Collins 2002), on CoNLL-2003 English train only; dev is used to report figures and pick the epoch.
 *
 *   node --import tsx scripts/trainNer.ts [--epochs 12] [--data ../shared/eval/data/ner] [--out models/ner.json]
 *
 * The texts are CoNLL tokens joined by spaces with gold character offsets; our own tokenizer runs on them and each
 * of its tokens takes the label of the gold entity it falls in, so the model learns on the tokens it will see.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { tokenize } from '../src/core/text/tokenize';
import { splitSentences } from '../src/core/text/sentences';
import { addHistoryFeatures, commonWords, documentStats, FeatureBuffer, historyValue, recordHistory, sentenceFeatures, wordShape } from '../src/core/entities/features';
import { labelsToRanges, parseModel, emissions, sentenceStartsOf, TAGS, viterbi, type ModelFile } from '../src/core/entities/tagger';
import { toBase64 } from '../src/core/entities/base64';
import type { Token } from '../src/core/types';

const T = TAGS.length;
const args = process.argv.slice(2);
const arg = (name: string, fallback: string): string => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? args[i + 1]! : fallback;
};
const root = resolve(__dirname, '..');
const dataDir = resolve(root, arg('data', join('..', 'shared', 'eval', 'data', 'ner')));
const outPath = resolve(root, arg('out', join('models', 'ner.json')));
const epochs = Number(arg('epochs', '20'));
const minWeight = Number(arg('prune', '0.5'));

interface GoldDoc { text: string; entities: { start: number; end: number; type: string }[] }
interface Sent { feats: Int32Array; offsets: Int32Array; gold: Int32Array; n: number; doc: number; from: number; tokens: Token[]; shapes: string[] }
interface EvalSent { tokens: Token[]; from: number; to: number; goldSpans: Set<string>; docIndex: number }

const readJsonl = (file: string): GoldDoc[] => readFileSync(file, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as GoldDoc);

const featureIds = new Map<number, number>();
const keys1: number[] = [];
const keys2: number[] = [];
const intern = (h1: number, h2: number, grow: boolean): number => {
  const key = (h1 >>> 0) * 65536 + (h2 & 0xffff);
  let id = featureIds.get(key);
  if (id === undefined) {
    if (!grow) return -1;
    id = keys1.length;
    featureIds.set(key, id);
    keys1.push(h1);
    keys2.push(h2 & 0xffff);
  }
  return id;
};

function goldLabels(tokens: Token[], doc: GoldDoc): Int32Array {
  const labels = new Int32Array(tokens.length);
  const ents = [...doc.entities].sort((a, b) => a.start - b.start);
  let e = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    while (e < ents.length && ents[e]!.end <= t.start) e++;
    const ent = ents[e];
    if (!ent || t.start < ent.start || t.start >= ent.end) continue;
    const begins = i === 0 || tokens[i - 1]!.start < ent.start;
    labels[i] = TAGS.indexOf(`${begins ? 'B' : 'I'}-${ent.type}`);
  }
  return labels;
}

let common: ReadonlySet<string> = new Set();

function prepare(docs: GoldDoc[], grow: boolean): { sents: Sent[]; evals: EvalSent[] } {
  const sents: Sent[] = [];
  const evals: EvalSent[] = [];
  const buffer = new FeatureBuffer();
  docs.forEach((doc, docIndex) => {
    const tokens = tokenize(doc.text);
    const labels = goldLabels(tokens, doc);
    const stats = { ...documentStats(tokens, sentenceStartsOf(tokens, doc.text)), common };
    for (const s of splitSentences(doc.text, tokens)) {
      const n = s.endToken - s.firstToken;
      const ids: number[] = [];
      const offsets = new Int32Array(n + 1);
      sentenceFeatures(tokens, s.firstToken, s.endToken, stats, (i, f) => {
        for (let k = 0; k < f.count; k++) {
          const id = intern(f.h1[k]!, f.h2[k]!, grow);
          if (id >= 0) ids.push(id);
        }
        offsets[i + 1] = ids.length;
      }, buffer);
      const shapes = tokens.slice(s.firstToken, s.endToken).map((t) => wordShape(t.text));
      sents.push({ feats: Int32Array.from(ids), offsets, gold: labels.slice(s.firstToken, s.endToken), n, doc: docIndex, from: s.firstToken, tokens, shapes });
      const goldSpans = new Set<string>();
      for (const ent of doc.entities) if (ent.start >= s.start && ent.end <= s.end) goldSpans.add(`${ent.start}:${ent.end}:${ent.type}`);
      evals.push({ tokens, from: s.firstToken, to: s.endToken, goldSpans, docIndex });
    }
  });
  return { sents, evals };
}

/** w[i] += d, and the running sum for averaging u[i] += c * d. */
function bump(w: Float64Array, u: Float64Array, i: number, d: number, c: number): void {
  w[i] = w[i]! + d;
  u[i] = u[i]! + c * d;
}

/** History features of a sentence's tokens from what was predicted earlier in its document (ids, -1 = none). */
const dynBuffer = new FeatureBuffer();
function dynamicIds(s: Sent, history: Map<string, Int32Array>, grow: boolean): Int32Array[] {
  const out: Int32Array[] = [];
  for (let i = 0; i < s.n; i++) {
    dynBuffer.count = 0;
    const h = historyValue(history, s.tokens[s.from + i]!.text);
    if (h) addHistoryFeatures(dynBuffer, h, s.shapes[i]!);
    const ids: number[] = [];
    for (let k = 0; k < dynBuffer.count; k++) {
      const id = intern(dynBuffer.h1[k]!, dynBuffer.h2[k]!, grow);
      if (id >= 0 && id < capacity) ids.push(id);
    }
    out.push(Int32Array.from(ids));
  }
  return out;
}
let capacity = 0;

function score(w: Float64Array, trans: Float64Array, s: Sent, dyn: Int32Array[], out: Int32Array): void {
  const emit = new Float64Array(s.n * T);
  for (let i = 0; i < s.n; i++) {
    for (let k = s.offsets[i]!; k < s.offsets[i + 1]!; k++) {
      const o = s.feats[k]! * T;
      for (let t = 0; t < T; t++) emit[i * T + t] = emit[i * T + t]! + w[o + t]!;
    }
    for (const f of dyn[i]!) {
      const o = f * T;
      for (let t = 0; t < T; t++) emit[i * T + t] = emit[i * T + t]! + w[o + t]!;
    }
  }
  viterbi(emit, s.n, trans, out);
}

function evaluate(sents: Sent[], evals: EvalSent[], predict: (s: Sent, e: EvalSent) => Int32Array): Record<string, { tp: number; pred: number; gold: number }> {
  const counts: Record<string, { tp: number; pred: number; gold: number }> = {};
  const c = (t: string): { tp: number; pred: number; gold: number } => (counts[t] ??= { tp: 0, pred: 0, gold: 0 });
  sents.forEach((s, i) => {
    const e = evals[i]!;
    const path = predict(s, e).subarray(0, s.n);
    const ranges = labelsToRanges(Array.from(path, (t) => TAGS[t]!));
    for (const g of e.goldSpans) { c('ALL').gold++; c(g.split(':')[2]!).gold++; }
    for (const r of ranges) {
      const key = `${e.tokens[e.from + r.from]!.start}:${e.tokens[e.from + r.to - 1]!.end}:${r.type}`;
      c('ALL').pred++; c(r.type).pred++;
      if (e.goldSpans.has(key)) { c('ALL').tp++; c(r.type).tp++; }
    }
  });
  return counts;
}

function report(counts: Record<string, { tp: number; pred: number; gold: number }>): number {
  let f1All = 0;
  for (const t of ['ALL', 'PER', 'ORG', 'LOC', 'MISC']) {
    const x = counts[t] ?? { tp: 0, pred: 0, gold: 0 };
    const p = x.pred ? x.tp / x.pred : 0;
    const r = x.gold ? x.tp / x.gold : 0;
    const f1 = p + r ? (2 * p * r) / (p + r) : 0;
    if (t === 'ALL') f1All = f1;
    process.stdout.write(`  ${t.padEnd(5)} p=${p.toFixed(3)} r=${r.toFixed(3)} f1=${f1.toFixed(3)}\n`);
  }
  return f1All;
}

function main(): void {
  const started = Date.now();
  const trainDocs = readJsonl(join(dataDir, 'conll2003-train.jsonl'));
  const commonList = commonWords(trainDocs.map((d) => {
    const tokens = tokenize(d.text);
    return { tokens, starts: sentenceStartsOf(tokens, d.text) };
  }));
  common = new Set(commonList);
  const train = prepare(trainDocs, true);
  const nFeat = keys1.length;
  const dev = prepare(readJsonl(join(dataDir, 'conll2003-dev.jsonl')), false);
  console.log(`${train.sents.length} train sentences, ${nFeat} features, prepared in ${((Date.now() - started) / 1000).toFixed(1)} s`);

  capacity = nFeat + 200_000;
  const trainOnce = (bagSeed: number): { f1: number; epoch: number; w: Float64Array; tr: Float64Array } => {
    const w = new Float64Array(capacity * T);
    const u = new Float64Array(capacity * T);
    const tr = new Float64Array((T + 1) * T);
    const tu = new Float64Array((T + 1) * T);
    let c = 1;
    const byDoc: Sent[][] = [];
    for (const s of train.sents) (byDoc[s.doc] ??= []).push(s);
    const order = byDoc.map((_, i) => i);
    let seed = bagSeed;
    const rand = (): number => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);
    const out = new Int32Array(512);
    let best: { f1: number; epoch: number; w: Float64Array; tr: Float64Array } = { f1: -1, epoch: 0, w: new Float64Array(0), tr: new Float64Array(0) };
    const averaged = (): { aw: Float64Array; at: Float64Array } => {
      const aw = new Float64Array(w.length);
      for (let i = 0; i < w.length; i++) aw[i] = w[i]! - u[i]! / c;
      const at = new Float64Array(tr.length);
      for (let i = 0; i < tr.length; i++) at[i] = tr[i]! - tu[i]! / c;
      return { aw, at };
    };
    const update = (s: Sent, dyn: Int32Array[], pred: Int32Array): void => {
      for (let i = 0; i < s.n; i++) {
        const g = s.gold[i]!;
        const p = pred[i]!;
        if (g !== p) {
          for (let k = s.offsets[i]!; k < s.offsets[i + 1]!; k++) {
            const o = s.feats[k]! * T;
            bump(w, u, o + g, 1, c);
            bump(w, u, o + p, -1, c);
          }
          for (const f of dyn[i]!) {
            bump(w, u, f * T + g, 1, c);
            bump(w, u, f * T + p, -1, c);
          }
        }
        const gp = i === 0 ? T : s.gold[i - 1]!;
        const pp = i === 0 ? T : pred[i - 1]!;
        if (gp !== pp || g !== p) {
          bump(tr, tu, gp * T + g, 1, c);
          bump(tr, tu, pp * T + p, -1, c);
        }
      }
    };
    for (let epoch = 1; epoch <= epochs; epoch++) {
      for (let i = order.length - 1; i > 0; i--) {
        const j = Math.floor(rand() * (i + 1));
        [order[i], order[j]] = [order[j]!, order[i]!];
      }
      let wrong = 0;
      for (const d of order) {
        const history = new Map<string, Int32Array>();
        for (const s of byDoc[d] ?? []) {
          const pred = out.length >= s.n ? out.subarray(0, s.n) : new Int32Array(s.n);
          const dyn = dynamicIds(s, history, true);
          score(w, tr, s, dyn, pred);
          let same = true;
          for (let i = 0; i < s.n; i++) if (pred[i] !== s.gold[i]) { same = false; break; }
          if (!same) { wrong++; update(s, dyn, pred); }
          recordHistory(history, s.tokens, s.from, pred);
          c++;
        }
      }
      const { aw, at } = averaged();
      const devHistory = new Map<number, Map<string, Int32Array>>();
      const counts = evaluate(dev.sents, dev.evals, (s) => {
        const p = new Int32Array(s.n);
        let history = devHistory.get(s.doc);
        if (!history) devHistory.set(s.doc, (history = new Map()));
        score(aw, at, s, dynamicIds(s, history, false), p);
        recordHistory(history, s.tokens, s.from, p);
        return p;
      });
      console.log(`bag ${bagSeed}, epoch ${epoch}: ${wrong} sentences wrong; dev (averaged):`);
      const f1 = report(counts);
      if (f1 > best.f1) best = { f1, epoch, w: aw, tr: at };
    }
    return best;
  };
  // Several perceptrons trained on different shuffles, averaged ("bagging"), vary less than one.
  const bags = Number(arg('bags', '3'));
  const seed0 = Number(arg('seed', '12345'));
  let best = trainOnce(seed0);
  for (let b = 1; b < bags; b++) {
    const more = trainOnce(seed0 + 7919 * b);
    for (let i = 0; i < best.w.length; i++) best.w[i] = best.w[i]! + more.w[i]!;
    for (let i = 0; i < best.tr.length; i++) best.tr[i] = best.tr[i]! + more.tr[i]!;
    best.epoch = Math.max(best.epoch, more.epoch);
  }
  if (bags > 1) {
    for (let i = 0; i < best.w.length; i++) best.w[i] = best.w[i]! / bags;
    for (let i = 0; i < best.tr.length; i++) best.tr[i] = best.tr[i]! / bags;
    const devHistory = new Map<number, Map<string, Int32Array>>();
    console.log(`${bags} bags averaged; dev:`);
    best.f1 = report(evaluate(dev.sents, dev.evals, (s) => {
      const p = new Int32Array(s.n);
      let history = devHistory.get(s.doc);
      if (!history) devHistory.set(s.doc, (history = new Map()));
      score(best.w, best.tr, s, dynamicIds(s, history, false), p);
      recordHistory(history, s.tokens, s.from, p);
      return p;
    }));
  }
  console.log(`best dev F1 ${best.f1.toFixed(4)} at epoch ${best.epoch}; training took ${((Date.now() - started) / 1000).toFixed(1)} s`);

  // Prune features whose weights are all small, then quantise to int8 with one scale.
  const keep: number[] = [];
  let maxAbs = 0;
  for (let f = 0; f < keys1.length; f++) {
    let m = 0;
    for (let t = 0; t < T; t++) m = Math.max(m, Math.abs(best.w[f * T + t]!));
    if (m >= minWeight) { keep.push(f); maxAbs = Math.max(maxAbs, m); }
  }
  const scale = maxAbs / 127;
  const k1 = new Int32Array(keep.length);
  const k2 = new Uint16Array(keep.length);
  const q = new Int8Array(keep.length * T);
  keep.forEach((f, r) => {
    k1[r] = keys1[f]!;
    k2[r] = keys2[f]!;
    for (let t = 0; t < T; t++) q[r * T + t] = Math.max(-127, Math.min(127, Math.round(best.w[f * T + t]! / scale)));
  });
  const model: ModelFile = {
    format: 'crosscheck-ner/1',
    trainedOn: `CoNLL-2003 English train (${train.sents.length} sentences), structured averaged perceptron${bags > 1 ? ` (${bags} shuffles averaged)` : ''}, epochs chosen on CoNLL-2003 dev (up to ${best.epoch} of ${epochs})`,
    tags: TAGS,
    rows: keep.length,
    scale,
    keys1: toBase64(new Uint8Array(k1.buffer)),
    keys2: toBase64(new Uint8Array(k2.buffer)),
    weights: toBase64(new Uint8Array(q.buffer)),
    trans: Array.from(best.tr, (x) => Math.round(x * 1000) / 1000),
    common: commonList.join(' '),
  };
  const json = JSON.stringify(model);
  writeFileSync(outPath, json);
  console.log(`wrote ${outPath}: ${keep.length} of ${keys1.length} features, ${(json.length / 1e6).toFixed(2)} MB`);

  // Check the shipped file itself: load it as the product does and score dev again.
  const loaded = parseModel(json);
  const devDocs = readJsonl(join(dataDir, 'conll2003-dev.jsonl'));
  const statsByDoc = devDocs.map((d) => { const toks = tokenize(d.text); return { ...documentStats(toks, sentenceStartsOf(toks, d.text)), history: new Map<string, Int32Array>(), common: loaded.common }; });
  const counts = evaluate(dev.sents, dev.evals, (s, e) => {
    const p = new Int32Array(s.n);
    const stats = statsByDoc[e.docIndex]!;
    viterbi(emissions(loaded, e.tokens, e.from, e.to, stats), s.n, loaded.trans, p);
    recordHistory(stats.history, e.tokens, e.from, p);
    return p;
  });
  console.log('dev with the shipped (pruned, quantised) model:');
  report(counts);
}

main();
