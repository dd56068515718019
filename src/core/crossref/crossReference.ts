import type { AliasFile, AnalyzedDocument, WorkspaceAnalysis } from '../types';
import { EntityCache, resolveEntities } from './resolveEntities';
import { AlignCache, alignClaims } from './align';

/**
 * Links entities across documents ("Oded Basiuk" = "Oded Bashk") and aligns claims into clusters
 * ("held direct talks in Azerbaijan" ~ "held a direct meeting"), e.g. `crossReference(docs, {same: [], different: []})`.
 */
export function crossReference(docs: readonly AnalyzedDocument[], aliases: AliasFile, cache?: CrossReferenceCache): WorkspaceAnalysis {
  const { entities, entityOf, idsByDoc, stableIdsByDoc } = resolveEntities(docs, aliases, cache?.entities);
  // Claims are aligned on entity identity, not numbering (any consistent naming aligns alike): kept between edits,
  // they are keyed on ids that an edit elsewhere does not renumber.
  const { clusters, clusterOf } = alignClaims(docs, entityOf, cache?.claims, cache ? stableIdsByDoc : idsByDoc);
  return { entities, entityOf, clusters, clusterOf };
}

/**
 * What a workspace index keeps between cross-references (per-document entity groups, the last resolution and its
 * blocks, prepared claims, the claim index, edges and clusters, scored pairs), so that after one edit only the changed
 * document and what it reaches are worked again: `crossReference(docs, aliases, cache)` always
 * equals `crossReference(docs, aliases)`.
 */
export class CrossReferenceCache {
  readonly entities = new EntityCache();
  readonly claims = new AlignCache();
}
