import type { TextContext } from '../text/context';
import type { AnalysisOptions, Hedge } from '../types';

/** Finds hedges: "reportedly", "allegedly", "it is believed", "could". */
export function findHedges(_ctx: TextContext, _options: AnalysisOptions): Hedge[] {
  return [];
}
