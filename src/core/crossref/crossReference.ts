import type { AliasFile, AnalyzedDocument, WorkspaceAnalysis } from '../types';
import { EntityCache, resolveEntities } from './resolveEntities';
import { AlignCache, alignClaims } from './align';

/**
 * Links entities across documents ("Oded Basiuk" = "Oded Bashk") and aligns claims into clusters
 * ("held direct talks in Azerbaijan" ~ "held a direct meeting"), e.g. `crossReference(docs, {same: [], different: []})`.
 */
export function crossReference(docs: readonly AnalyzedDocument[], aliases: AliasFile, cache?: CrossReferenceCache): WorkspaceAnalysis {
  const T0 = performance.now();
  const { entities, entityOf, idsByDoc } = resolveEntities(docs, aliases, cache?.entities);
  if (process.env.XT) console.error(`entities ${(performance.now() - T0).toFixed(1)}`);
  const { clusters, clusterOf } = alignClaims(docs, entityOf, cache?.claims, idsByDoc);
  return { entities, entityOf, clusters, clusterOf };
}

/**
 * What a workspace index keeps between cross-references (per-document entity groups, prepared claims, scored pairs),
 * so that after one edit only the changed document is worked again: `crossReference(docs, aliases, cache)` always
 * equals `crossReference(docs, aliases)`.
 */
export class CrossReferenceCache {
  readonly entities = new EntityCache();
  readonly claims = new AlignCache();
}
