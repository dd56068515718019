import type { Span } from '../types';
import { tokenize } from '../text/tokenize';
import { splitSentences } from '../text/sentences';
import { cueFeatures, sentenceQuoted } from './cueFeatures';
import { CUE_AUXILIARIES, CUE_FORMS } from './lexicon';
import type { CueModel } from './cueModel';
import { rerankFeatures, scoreValue, type CueReranker, type RerankFacts } from './cueRerank';
import { buildTokenView } from './view';
import { isTimeWord } from './parseSource';

/** One annotated article: its text and the spans of its gold attribution cues ("said", "according to"). */
export interface CueTrainingDoc {
  readonly text: string;
  readonly cues: readonly Span[];
}

/** Words that are part of multi-word cues ("according to", "in a statement") but never judged alone. */
const FUNCTION_WORDS = new Set(
  ('to of a an the on in for about with at by from as and or but that this it its his her their is are was were be been has ' +
    'have had will would not no up out over into than so he she they we i you against under after before since during ' +
    'through between among toward towards upon via per if whether when while because').split(' '),
);

const isHeadWord = (w: string): boolean => !FUNCTION_WORDS.has(w) && !CUE_AUXILIARIES.has(w) && !/ly$/.test(w) && !isTimeWord(w) && !/^\p{P}/u.test(w);

const isBagFeature = (f: string): boolean => f.startsWith('bl=') || f.startsWith('br=');

interface Example { readonly features: readonly string[]; readonly label: 1 | -1 }

/**
 * Trains the cue classifier (an averaged perceptron) on annotated articles, e.g. PolNeAR train:
 * `trainCueModel(rows.map(r => ({text: r.text, cues: r.attributions.flatMap(a => a.cue)})))`.
 */
export function trainCueModel(docs: readonly CueTrainingDoc[], options: { epochs?: number; minCount?: number; minRatio?: number; minFeatureCount?: number; margin?: number; minBagCount?: number; runs?: number } = {}): CueModel {
  // Updating also on examples scored right by less than the margin spreads the weights over more features.
  const margin = options.margin ?? 1, minBagCount = options.minBagCount ?? 500, runs = options.runs ?? 5;
  const epochs = options.epochs ?? 8, minCount = options.minCount ?? 1, minRatio = options.minRatio ?? 0.05, minFeatureCount = options.minFeatureCount ?? 10;
  const prepared = docs.map((d) => {
    const tokens = tokenize(d.text);
    const sentences = splitSentences(d.text, tokens);
    const view = buildTokenView({ text: d.text, tokens, sentences, published: null });
    // Only the head of each gold cue is a positive: "said" in "said in a statement", "endorsed" in "has been endorsed by".
    // The other words of a cue ("ridicule" in "has faced ridicule online") are neither: a cue found there still
    // overlaps the gold span, so they must not be taught as counter-examples.
    const label = tokens.map(() => false), inside = tokens.map(() => false);
    for (const c of d.cues) {
      let headFound = false;
      for (let i = 0; i < tokens.length; i++) {
        const t = tokens[i]!;
        if (t.end <= c.start || t.start >= c.end) continue;
        inside[i] = true;
        if (headFound || !isHeadWord(t.text.toLowerCase()) || t.kind !== 'word') continue;
        label[i] = true;
        headFound = true;
      }
    }
    return { tokens, sentences, view, label, inside };
  });
  const hits = new Map<string, number>(), totals = new Map<string, number>();
  for (const p of prepared) {
    p.tokens.forEach((t, i) => {
      if (t.kind !== 'word') return;
      const w = p.view.lower[i]!;
      totals.set(w, (totals.get(w) ?? 0) + 1);
      if (p.label[i]) hits.set(w, (hits.get(w) ?? 0) + 1);
    });
  }
  const candidates = new Set<string>(CUE_FORMS.keys());
  for (const [w, h] of hits) if (h >= minCount && h / totals.get(w)! >= minRatio && isHeadWord(w)) candidates.add(w);

  const examples: Example[] = [];
  for (const p of prepared) {
    for (const s of p.sentences) {
      const sq = sentenceQuoted(p.view, s.firstToken, s.endToken);
      for (let i = s.firstToken; i < s.endToken; i++) {
        if (!candidates.has(p.view.lower[i]!) || (p.inside[i] && !p.label[i])) continue;
        examples.push({ features: cueFeatures(p.tokens, p.view, i, s.firstToken, s.endToken, sq), label: p.label[i] ? 1 : -1 });
      }
    }
  }
  // Features seen too rarely only memorise the training set (and bloat the model). Bag words must be frequent (mostly
  // function words): a rarer neighbour ("Syrian") only learns which articles happened to hold few cues.
  const seen = new Map<string, number>();
  for (const ex of examples) for (const f of ex.features) seen.set(f, (seen.get(f) ?? 0) + 1);
  for (let e = 0; e < examples.length; e++) {
    const ex = examples[e]!;
    examples[e] = { features: ex.features.filter((f) => seen.get(f)! >= (isBagFeature(f) ? minBagCount : minFeatureCount)), label: ex.label };
  }
  // Several averaged perceptrons, each on its own fixed shuffle (so training is reproducible), averaged in turn:
  // one shuffle's accidents (a rare word's weight) wash out.
  const sums = new Map<string, number>();
  for (let run = 0; run < runs; run++) {
    for (const [f, v] of averagedPerceptron(examples, epochs, margin, 12345 + run * 7919)) sums.set(f, (sums.get(f) ?? 0) + v / runs);
  }
  const weights = new Map<string, number>();
  for (const [f, v] of sums) {
    const avg = Math.round(v * 1000) / 1000;
    if (Math.abs(avg) >= 0.002) weights.set(f, avg);
  }
  return { candidates, weights, threshold: 0 };
}

/** Seeded Fisher-Yates orders of 0..n-1, one per call, the same sequence for the same seed (training is repeatable). */
function shuffler(seed: number): (n: number) => number[] {
  const rand = (): number => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
  return (n) => {
    const order = Array.from({ length: n }, (_, i) => i);
    for (let i = order.length - 1; i > 0; i--) { const j = Math.floor(rand() * (i + 1)); [order[i], order[j]] = [order[j]!, order[i]!]; }
    return order;
  };
}

/** An averaged perceptron (with the usual lazy-update trick: totals of weight * time) over `examples` shuffled from `seed`. */
function averagedPerceptron(examples: readonly Example[], epochs: number, margin: number, seed: number): Map<string, number> {
  const w = new Map<string, number>(), acc = new Map<string, number>(), stamp = new Map<string, number>();
  let time = 1;
  const update = (f: string, delta: number): void => {
    const cur = w.get(f) ?? 0;
    acc.set(f, (acc.get(f) ?? 0) + cur * (time - (stamp.get(f) ?? time)));
    stamp.set(f, time);
    w.set(f, cur + delta);
  };
  const shuffle = shuffler(seed);
  for (let e = 0; e < epochs; e++) {
    const order = shuffle(examples.length);
    for (const k of order) {
      const ex = examples[k]!;
      let s = 0;
      for (const f of ex.features) s += w.get(f) ?? 0;
      if (s * ex.label <= margin) for (const f of ex.features) update(f, ex.label);
      time++;
    }
  }
  const averaged = new Map<string, number>();
  for (const [f, cur] of w) averaged.set(f, ((acc.get(f) ?? 0) + cur * (time - (stamp.get(f) ?? time))) / time);
  return averaged;
}

/** One cue the word model proposed in a training article, with whether it overlaps a gold cue. */
export interface RerankExample { readonly facts: RerankFacts; readonly label: boolean }

/**
 * Trains the reranker, a logistic regression (AdaGrad, L2) over `rerankFeatures` plus the word model's score, on cues
 * proposed by word models that did not see their articles (so their scores are as honest as on new text).
 */
export function trainCueReranker(examples: readonly RerankExample[], bounds: { floor: number; ceiling: number; threshold: number }, options: { epochs?: number; l2?: number; rate?: number; minCount?: number; runs?: number } = {}): CueReranker {
  const epochs = options.epochs ?? 15, l2 = options.l2 ?? 1e-4, rate = options.rate ?? 0.1, minCount = options.minCount ?? 5;
  const seen = new Map<string, number>();
  const rows = examples.map((ex) => ({ features: rerankFeatures(ex.facts), score: scoreValue(ex.facts), y: ex.label ? 1 : 0 }));
  for (const r of rows) for (const f of r.features) seen.set(f, (seen.get(f) ?? 0) + 1);
  for (const r of rows) r.features = r.features.filter((f) => seen.get(f)! >= minCount);
  // Several runs, each on its own fixed shuffle, averaged: one shuffle's accidents wash out.
  const runs = options.runs ?? 1;
  const w = new Map<string, number>();
  for (let run = 0; run < runs; run++) {
    for (const [f, v] of logisticRun(rows, epochs, l2, rate, 4242 + run * 7919)) w.set(f, (w.get(f) ?? 0) + v / runs);
  }
  const weights = new Map<string, number>();
  for (const [f, v] of w) { const r = Math.round(v * 1000) / 1000; if (r !== 0) weights.set(f, r); }
  return { ...bounds, weights };
}

/** One logistic regression by AdaGrad with L2 over `rows` (features plus the score as a value), shuffled from `seed`. */
function logisticRun(rows: readonly { features: readonly string[]; score: number; y: number }[], epochs: number, l2: number, rate: number, seed: number): Map<string, number> {
  const w = new Map<string, number>(), g2 = new Map<string, number>();
  const step = (f: string, grad: number): void => {
    const cur = w.get(f) ?? 0;
    const g = grad + l2 * cur;
    const acc = (g2.get(f) ?? 0) + g * g;
    g2.set(f, acc);
    w.set(f, cur - (rate * g) / Math.sqrt(acc + 1e-8));
  };
  const shuffle = shuffler(seed);
  for (let e = 0; e < epochs; e++) {
    const order = shuffle(rows.length);
    for (const k of order) {
      const r = rows[k]!;
      let s = (w.get('sc') ?? 0) * r.score;
      for (const f of r.features) s += w.get(f) ?? 0;
      const grad = 1 / (1 + Math.exp(-s)) - r.y;
      step('sc', grad * r.score);
      for (const f of r.features) step(f, grad);
    }
  }
  return w;
}
