/**
 * The messages between the extension and its webviews (the Claims view and the comparison panel), in one place.
 * The webview says `ready`; the extension answers with a full state snapshot, and again after every change.
 * Everything that arrives from a webview is validated with `parseFromWebview` before it is used.
 */

export type ClaimRelation = 'agree' | 'discrepancy' | 'contradiction';
export type SourcingKind = 'named-person' | 'named-organization' | 'unnamed' | 'other' | 'unattributed';

/** Which clusters the Claims view shows. */
export const CLAIMS_FILTERS = ['all', 'contradictions', 'differences', 'single-source'] as const;
export type ClaimsFilter = (typeof CLAIMS_FILTERS)[number];

/** A half-open range inside a claim's text (not the document): the differing words to mark. */
export interface Mark {
  readonly start: number;
  readonly end: number;
}

/** One claim as a webview shows it; `text` is article text and is only ever set as textContent. */
export interface ClaimEntry {
  readonly doc: string;
  readonly file: string;
  readonly outlet: string | null;
  readonly claimId: string;
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly sourcing: string;
  readonly sourceKind: SourcingKind;
  readonly hedged: boolean;
  readonly marks: readonly Mark[];
}

export interface ClusterEntry {
  readonly id: string;
  readonly relation: ClaimRelation;
  readonly claims: readonly ClaimEntry[];
  readonly differences: readonly { readonly kind: string; readonly detail: string }[];
}

/** Everything the Claims view shows. */
export interface ClaimsState {
  readonly articles: number;
  readonly clusters: readonly ClusterEntry[];
  /** Claims no other article reports (capped; `singlesTotal` says how many there are). */
  readonly singles: readonly ClaimEntry[];
  readonly singlesTotal: number;
  readonly filter: ClaimsFilter;
  /** The article in the active editor, to put its claims first. */
  readonly activeDoc: string | null;
  /** Set while the cross-reference is being made again: the clusters shown are from before the latest changes. */
  readonly crossReferencing?: boolean;
  /** Articles edited since the cross-reference: their claims are left out until it covers them. */
  readonly waiting?: number;
}

export interface CompareArticle {
  readonly doc: string;
  readonly file: string;
  readonly outlet: string | null;
  readonly published: string | null;
  readonly title: string;
  /** Edited since the cross-reference: its claims are shown once it covers them. */
  readonly waiting?: boolean;
}

/** One row of the comparison: a claim cluster with a cell per article (empty where an article does not report it). */
export interface CompareRow {
  readonly cluster: { readonly id: string; readonly relation: ClaimRelation; readonly differences: readonly { readonly kind: string; readonly detail: string }[] } | null;
  readonly cells: readonly (readonly ClaimEntry[])[];
}

/** Everything the comparison panel shows: shared claims first, then what only one article says. */
export interface CompareState {
  readonly articles: readonly CompareArticle[];
  readonly rows: readonly CompareRow[];
  readonly only: readonly (readonly ClaimEntry[])[];
}

export type ToWebview =
  | { readonly type: 'claimsState'; readonly state: ClaimsState }
  | { readonly type: 'compareState'; readonly state: CompareState };

export type WebviewCommand = 'crosscheck.crossReferenceWorkspace' | 'crosscheck.compareArticles' | 'crosscheck.exportReport';
const WEBVIEW_COMMANDS: readonly string[] = ['crosscheck.crossReferenceWorkspace', 'crosscheck.compareArticles', 'crosscheck.exportReport'] satisfies WebviewCommand[];

export type FromWebview =
  | { readonly type: 'ready' }
  | { readonly type: 'reveal'; readonly doc: string; readonly start: number; readonly end: number }
  | { readonly type: 'setFilter'; readonly filter: ClaimsFilter }
  | { readonly type: 'runCommand'; readonly command: WebviewCommand };

const isOffset = (n: unknown): n is number => typeof n === 'number' && Number.isInteger(n) && n >= 0;

/** Accepts a message from a webview only when it has exactly the expected shape, e.g. `{type: "ready"}`. */
export function parseFromWebview(m: unknown): FromWebview | null {
  if (!m || typeof m !== 'object') return null;
  const o = m as Record<string, unknown>;
  switch (o.type) {
    case 'ready':
      return { type: 'ready' };
    case 'reveal':
      return typeof o.doc === 'string' && o.doc.length < 4096 && isOffset(o.start) && isOffset(o.end) && o.end >= o.start
        ? { type: 'reveal', doc: o.doc, start: o.start, end: o.end } : null;
    case 'setFilter':
      return (CLAIMS_FILTERS as readonly unknown[]).includes(o.filter) ? { type: 'setFilter', filter: o.filter as ClaimsFilter } : null;
    case 'runCommand':
      return typeof o.command === 'string' && WEBVIEW_COMMANDS.includes(o.command) ? { type: 'runCommand', command: o.command as WebviewCommand } : null;
    default:
      return null;
  }
}

/** Accepts a message in the webview only when it is a known state message. */
export function parseToWebview(m: unknown): ToWebview | null {
  if (!m || typeof m !== 'object') return null;
  const o = m as Record<string, unknown>;
  if ((o.type === 'claimsState' || o.type === 'compareState') && o.state && typeof o.state === 'object') return m as ToWebview;
  return null;
}
