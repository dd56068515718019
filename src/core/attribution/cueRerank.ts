import type { SourceKind } from '../types';
import { CUE_RERANK_DATA } from './cueRerankData';

/**
 * The second look at a cue the word model found: once its source and content are parsed, whether it still makes an
 * attribution. "Trump wants to junk the exemptions" (a named source, a clause) is one; "the ad features images" is not.
 */
export interface CueReranker {
  /** Cues the word model scores above this are looked at again (it is below the word model's own bar). */
  readonly floor: number;
  /** Cues the word model scores above this are kept without a second look. */
  readonly ceiling: number;
  /** Second-look scores above this keep the cue. */
  readonly threshold: number;
  readonly weights: ReadonlyMap<string, number>;
}

/** What the second look reads about one cue, e.g. a cue "wants" whose source is a named person and content a clause. */
export interface RerankFacts {
  /** The word model's score relative to its bar (`Cue.score`). */
  readonly score: number;
  /** The cue word, lower-case: "wants". */
  readonly word: string;
  /** Whether the word is one of the lexicon's verbs of saying. */
  readonly lexicon: boolean;
  readonly kind: SourceKind | 'none';
  readonly pronoun: boolean;
  /** The source's last word, lower-case ("spokesman", "trump"), or "" without a source. */
  readonly sourceHead: string;
  readonly sourceAfter: boolean;
  /** "quote", "after", "before" or "none". */
  readonly content: string;
  readonly contentTokens: number;
  /** Cues found in the cue's sentence (itself included), and whether it scores highest there. */
  readonly inSentence: number;
  readonly top: boolean;
  /** Whether it lies inside the content of another cue of its sentence ("said he wants …"). */
  readonly nested: boolean;
  /** Whether the cue is negated ("did not say"), sits inside a quotation, or its sentence is a headline (no final stop). */
  readonly negated: boolean;
  readonly quoted: boolean;
  readonly headline: boolean;
  /** How the content opens: "that", "to", "wh", "quote" or "word"; and the source's length in tokens. */
  readonly contentOpens: string;
  readonly sourceTokens: number;
  /** Whether a "told X" object was read as the person told. */
  readonly relayed: boolean;
  /** Other cues of the article whose source is the same entity or ends in the same word (a speaker the story quotes). */
  readonly sameSource: number;
}

const bucket = (n: number, edges: readonly number[]): number => {
  let b = 0;
  while (b < edges.length && n > edges[b]!) b++;
  return b;
};

/** The features of `rerankFacts`, as names; the score also enters as a value ("sc"). */
export function rerankFeatures(f: RerankFacts): string[] {
  const kind = f.kind + (f.pronoun ? '-pron' : '');
  const con = f.content + bucket(f.contentTokens, [3, 10, 30]);
  const sb = String(Math.max(-6, Math.min(8, Math.floor(f.score / 2))));
  const lex = f.lexicon ? 'lex' : 'learned';
  const sent = (f.inSentence > 2 ? 'many' : String(f.inSentence)) + (f.top ? 'top' : 'not') + (f.nested ? 'nested' : '');
  return [
    'b', 'sb=' + sb, 'lex=' + lex, 'k=' + kind, 'sp=' + (f.sourceAfter ? 'after' : 'before'), 'c=' + con, 'kc=' + kind + '|' + f.content,
    'w=' + f.word, 'wk=' + f.word + '|' + kind, 'wc=' + f.word + '|' + f.content, 'sh=' + f.sourceHead, 'shw=' + f.sourceHead + '|' + lex,
    's=' + sent, 'sk=' + sent + '|' + kind, 'lk=' + lex + '|' + kind + '|' + f.content, 'sbl=' + sb + '|' + lex, 'sbk=' + sb + '|' + kind,
    'neg=' + f.negated, 'q=' + f.quoted + '|' + lex, 'hl=' + f.headline + '|' + lex, 'co=' + f.contentOpens + '|' + lex, 'wco=' + f.word + '|' + f.contentOpens,
    'sl=' + bucket(f.sourceTokens, [0, 1, 3, 6]) + '|' + kind, 'rel=' + f.relayed, 'hk=' + f.headline + '|' + kind,
    'ss=' + bucket(f.sameSource, [0, 1, 3]) + '|' + lex, 'ssk=' + bucket(f.sameSource, [0, 2]) + '|' + kind,
  ];
}

/** The word model's score as the reranker weighs it: bounded, so one runaway score cannot outvote the parse. */
export const scoreValue = (f: RerankFacts): number => Math.max(-15, Math.min(15, f.score)) / 5;

/** The second-look score: the word model's score times its weight plus the features' weights. */
export function rerankScore(model: CueReranker, f: RerankFacts): number {
  let s = (model.weights.get('sc') ?? 0) * scoreValue(f);
  for (const name of rerankFeatures(f)) s += model.weights.get(name) ?? 0;
  return s;
}

/** Reads a reranker from its text form: `floor`, `ceiling` and `threshold` lines, then `feature<TAB>weight` lines. */
export function parseCueReranker(data: string): CueReranker {
  const weights = new Map<string, number>();
  let floor = 0, ceiling = 0, threshold = 0;
  for (const line of data.split('\n')) {
    const tab = line.lastIndexOf('\t');
    if (tab < 0) continue;
    const key = line.slice(0, tab), value = Number(line.slice(tab + 1));
    if (key === 'floor') floor = value;
    else if (key === 'ceiling') ceiling = value;
    else if (key === 'threshold') threshold = value;
    else weights.set(key, value);
  }
  return { floor, ceiling, threshold, weights };
}

/** Writes a reranker in the text form `parseCueReranker` reads, e.g. "floor\t-6\nceiling\t12\nthreshold\t0\nk=none\t-0.8". */
export function serializeCueReranker(model: CueReranker): string {
  const lines = [`floor\t${model.floor}`, `ceiling\t${model.ceiling}`, `threshold\t${model.threshold}`];
  for (const [k, v] of [...model.weights].sort((a, b) => (a[0] < b[0] ? -1 : 1))) lines.push(`${k}\t${v}`);
  return lines.join('\n');
}

let shipped: CueReranker | null | undefined;
/** The reranker shipped with Crosscheck (trained on PolNeAR train), or null when none ships. */
export function shippedCueReranker(): CueReranker | null {
  if (shipped === undefined) shipped = CUE_RERANK_DATA ? parseCueReranker(CUE_RERANK_DATA) : null;
  return shipped;
}
