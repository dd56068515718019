import type { Sentence, Token } from '../types';

/** A BIO label per token, e.g. ["B-PER", "I-PER", "O"]. */
export type BioLabel = string;

/** A trained sequence tagger: labels the tokens of one sentence. */
export interface EntityTagger {
  tagSentence(tokens: readonly Token[], sentence: Sentence, text: string): BioLabel[];
}

/**
 * Builds the tagger from the shipped model file's text (models/ner.json), e.g.
 * `loadTagger(readFileSync("models/ner.json", "utf8"))`. Placeholder until the trained model lands.
 */
export function loadTagger(_modelText: string): EntityTagger {
  return { tagSentence: (tokens) => tokens.map(() => 'O') };
}

/** A tagger that labels nothing, for when the model file cannot be read. */
export const EMPTY_TAGGER: EntityTagger = { tagSentence: (tokens) => tokens.map(() => 'O') };
