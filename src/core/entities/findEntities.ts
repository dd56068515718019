import type { TextContext } from '../text/context';
import type { EntityMention } from '../types';
import type { EntityTagger } from './tagger';

/** Where the dateline names the outlet, so the head line's "CNN" is tagged ORG. */
export interface EntityHints {
  readonly outlet: string | null;
  readonly datelineEnd: number | null;
}

/**
 * Finds named entities and values: "Maj. Gen. Oded Basiuk" -> PERSON "Oded Basiuk", "Friday" -> DATE.
 * Mentions are sorted by start and never overlap.
 */
export function findEntities(_ctx: TextContext, _tagger: EntityTagger, _hints: EntityHints): EntityMention[] {
  return [];
}
