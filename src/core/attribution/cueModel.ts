import { CUE_MODEL_DATA } from './cueModelData';

/** A learned linear cue classifier: which words may be cues ("said", "slammed"), and a weight per feature. */
export interface CueModel {
  readonly candidates: ReadonlySet<string>;
  readonly weights: ReadonlyMap<string, number>;
  /** Scores above this make a cue. */
  readonly threshold: number;
}

/**
 * Reads a model from its text form: a `threshold` line, a `candidates` line of words, then `feature<TAB>weight`
 * lines, e.g. "threshold\t0\ncandidates\tsaid told\nw=said\t3.2".
 */
export function parseCueModel(data: string): CueModel {
  const weights = new Map<string, number>();
  let candidates = new Set<string>();
  let threshold = 0;
  for (const line of data.split('\n')) {
    const tab = line.lastIndexOf('\t');
    if (tab < 0) continue;
    const key = line.slice(0, tab), value = line.slice(tab + 1);
    if (key === 'threshold') threshold = Number(value);
    else if (key === 'candidates') candidates = new Set(value.split(' ').filter(Boolean));
    else weights.set(key, Number(value));
  }
  return { candidates, weights, threshold };
}

/** Writes a model in the text form `parseCueModel` reads, e.g. "threshold\t-2\ncandidates\tsaid told\nw=said\t3.2". */
export function serializeCueModel(model: CueModel): string {
  const lines = [`threshold\t${model.threshold}`, `candidates\t${[...model.candidates].sort().join(' ')}`];
  for (const [k, v] of [...model.weights].sort((a, b) => (a[0] < b[0] ? -1 : 1))) lines.push(`${k}\t${v}`);
  return lines.join('\n');
}

/** The score of one candidate from its features, e.g. `scoreCue(model, ["w=said", "p=source"])` > 0 for a cue. */
export function scoreCue(model: CueModel, features: readonly string[]): number {
  let s = 0;
  for (const f of features) s += model.weights.get(f) ?? 0;
  return s;
}

let shipped: CueModel | undefined;
/** The cue model shipped with Crosscheck (trained on PolNeAR train), parsed on first use. */
export function shippedCueModel(): CueModel {
  shipped ??= parseCueModel(CUE_MODEL_DATA);
  return shipped;
}
