import type { AliasFile, AnalyzedDocument, WorkspaceAnalysis } from '../types';
import { resolveEntities } from './resolveEntities';
import { alignClaims } from './align';

/**
 * Links entities across documents ("Oded Basiuk" = "Oded Bashk") and aligns claims into clusters
 * ("held direct talks in Azerbaijan" ~ "held a direct meeting"), e.g. `crossReference(docs, {same: [], different: []})`.
 */
export function crossReference(docs: readonly AnalyzedDocument[], aliases: AliasFile): WorkspaceAnalysis {
  const { entities, entityOf } = resolveEntities(docs, aliases);
  const { clusters, clusterOf } = alignClaims(docs, entityOf);
  return { entities, entityOf, clusters, clusterOf };
}
