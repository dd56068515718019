import type { AnalyzedDocument, Attribution, EntityMention, EntityType, Stance, SourceKind, TextSpan } from '../../src/core/types';
import { tokenize } from '../../src/core/text/tokenize';
import { splitSentences } from '../../src/core/text/sentences';
import { extractClaims } from '../../src/core/claims/extractClaims';

/** Finds the n-th occurrence of `needle` (after `from`) as a span. */
export function spanOf(text: string, needle: string, from = 0): TextSpan {
  const start = text.indexOf(needle, from);
  if (start < 0) throw new Error(`fixture text lacks "${needle}"`);
  return { start, end: start + needle.length, text: needle };
}

export interface AttributionSpec {
  readonly cue: string;
  readonly source?: string;
  readonly content?: string;
  readonly stance?: Stance;
  readonly kind?: SourceKind;
}

/**
 * A hand-built analysed document: entities are listed in text order and located one after another, attributions by their strings; claims come from the real `extractClaims`.
 */
export function fixture(id: string, text: string, entities: readonly (readonly [string, EntityType, string?])[], attributions: readonly AttributionSpec[] = [], published: string | null = null): AnalyzedDocument {
  const tokens = tokenize(text);
  const sentences = splitSentences(text, tokens);
  let cursor = 0;
  const mentions: EntityMention[] = entities.map(([t, type, value]) => {
    const s = spanOf(text, t, cursor);
    cursor = s.end;
    return value ? { ...s, type, value } : { ...s, type };
  });
  const atts: Attribution[] = attributions.map((a) => ({
    cue: spanOf(text, a.cue),
    source: a.source ? spanOf(text, a.source) : null,
    content: a.content ? spanOf(text, a.content) : null,
    sourceKind: a.kind ?? 'unnamed',
    stance: a.stance ?? 'assert',
    direct: false,
    sourceEntity: null,
  }));
  const ctx = { text, tokens, sentences, published };
  const claims = extractClaims(ctx, mentions, atts, []);
  return {
    id, text,
    analysis: { title: '', outlet: null, published, tokens, sentences, entities: mentions, attributions: atts, hedges: [], claims, warnings: [] },
  };
}

// The helper checks itself, so that this file is a test file like its neighbours.
import { test } from 'node:test';
import assert from 'node:assert/strict';

test('fixture() locates entities in order and extracts claims', () => {
  const d = fixture('x', 'Lena Park met Lena Park again in Oslo today.', [['Lena Park', 'PERSON'], ['Lena Park', 'PERSON'], ['Oslo', 'GPE']]);
  assert.deepEqual(d.analysis.entities.map((e) => e.start), [0, 14, 33]);
  assert.equal(d.analysis.claims.length, 1);
});
