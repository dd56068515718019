/*
 * The one place Crosscheck touches the `natural` package, always through deep imports: its index pulls in
 * database clients (mongoose, pg, redis) that must never reach the bundle (esbuild.mjs checks).
 * The deep modules ship no type declarations, so each is typed here once.
 */
// @ts-expect-error natural ships no declarations for its deep modules
import jaroWinklerImpl from 'natural/lib/natural/distance/jaro-winkler_distance';
// @ts-expect-error natural ships no declarations for its deep modules
import DoubleMetaphoneImpl from 'natural/lib/natural/phonetics/double_metaphone';
// @ts-expect-error natural ships no declarations for its deep modules
import porterStemmerImpl from 'natural/lib/natural/stemmers/porter_stemmer';
import { memoize } from '../index/memo';

const jw = jaroWinklerImpl as (a: string, b: string, options?: { ignoreCase?: boolean }) => number;
const metaphone = new (DoubleMetaphoneImpl as new () => { process(word: string): [string, string] })();
const porter = porterStemmerImpl as { stem(word: string): string };

/** Jaro-Winkler similarity, 0–1, case-insensitive: `jaroWinkler("Basiuk", "Bashk")` ≈ 0.88. */
export function jaroWinkler(a: string, b: string): number {
  if (!a || !b) return 0;
  return jw(a, b, { ignoreCase: true });
}

/** Both Double Metaphone keys of a word: `doubleMetaphone("Sharaa")` -> ["XR", "XR"]. */
export function doubleMetaphone(word: string): readonly [string, string] {
  if (!word) return ['', ''];
  const [p, s] = metaphone.process(word);
  return [p ?? '', s ?? ''];
}


/**
 * Past this length a token is no English word (the longest run to about 45 letters) and is left unstemmed: the
 * Porter stemmer's `/[^aeiouy]+y/g` rescans a run of consonants from each of its letters, so one 100,000-letter
 * token took 15 s in `crosscheck match` (quadratic; found by the ReDoS test).
 */
const MAX_STEMMED_LENGTH = 64;

/** Porter stem of a lower-case word, memoised: `stem("meetings")` -> "meet". */
export function stem(word: string): string {
  return word.length > MAX_STEMMED_LENGTH ? word : stemMemo(word);
}
const stemMemo = memoize(200_000, (word: string): string => porter.stem(word));
