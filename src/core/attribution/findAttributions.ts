import type { TextContext } from '../text/context';
import type { AnalysisOptions, Attribution, EntityMention } from '../types';

/** Finds attributions: "a senior Israeli source told CNN", "according to the White House", "the army denied …". */
export function findAttributions(_ctx: TextContext, _entities: readonly EntityMention[], _options: AnalysisOptions): Attribution[] {
  return [];
}
