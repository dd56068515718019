/**
 * The shapes every part of Crosscheck shares. Spans are half-open UTF-16 offsets into the
 * document text exactly as JavaScript reads it (BOM removed, line endings untouched).
 */

/** A half-open `[start, end)` range of UTF-16 code units, e.g. `{start: 0, end: 6}` for "Israel". */
export interface Span {
  readonly start: number;
  readonly end: number;
}

/** A span together with the text it covers; `text === documentText.slice(start, end)` always holds. */
export interface TextSpan extends Span {
  readonly text: string;
}

/** A token from the news tokenizer: "Maj.", "U.S.", "al-Sharaa", "’s", "1,000". */
export interface Token extends TextSpan {
  readonly kind: 'word' | 'number' | 'punct' | 'symbol' | 'url' | 'handle';
}

/** A sentence with the index range of its tokens: `tokens.slice(firstToken, endToken)`. */
export interface Sentence extends TextSpan {
  readonly firstToken: number;
  readonly endToken: number;
}

/** Entity types of the CLI contract (CONTRACT.md); scorers fold them to PERSON/ORG/LOC/MISC/DATE/NUMBER. */
export type EntityType =
  | 'PERSON' | 'ORG' | 'GPE' | 'LOC' | 'FAC' | 'NORP' | 'EVENT'
  | 'DATE' | 'TIME' | 'NUMBER' | 'MONEY' | 'PERCENT' | 'QUANTITY' | 'MISC';

export const ENTITY_TYPES: readonly EntityType[] = [
  'PERSON', 'ORG', 'GPE', 'LOC', 'FAC', 'NORP', 'EVENT', 'DATE', 'TIME', 'NUMBER', 'MONEY', 'PERCENT', 'QUANTITY', 'MISC',
];

/** A named entity or value mention: "Oded Basiuk" PERSON, "Friday" DATE, "six" NUMBER. */
export interface EntityMention extends TextSpan {
  readonly type: EntityType;
  /** Normalised value for DATE/TIME (ISO, e.g. "2025-05-16" or "2025-W20") and numbers ("6"), when known. */
  readonly value?: string;
}

export type SourceKind = 'named-person' | 'named-organization' | 'unnamed' | 'other';
export type Stance = 'assert' | 'confirm' | 'deny' | 'no-comment' | 'other';

/** "a senior Israeli source told CNN that …": who says what, through which cue. */
export interface Attribution {
  readonly cue: TextSpan;
  readonly source: TextSpan | null;
  readonly content: TextSpan | null;
  readonly sourceKind: SourceKind;
  readonly stance: Stance;
  /** True when the content is a direct quotation. */
  readonly direct: boolean;
  /** Index into `DocumentAnalysis.entities` of the entity the source names, when it names one. */
  readonly sourceEntity: number | null;
  /** The outlet the source spoke to ("told CNN"), kept for provenance. */
  readonly relayedTo?: TextSpan;
}

/** "reportedly", "it is believed", "could": a word or phrase that weakens a claim. */
export interface Hedge extends TextSpan {
  readonly kind: string;
}

/** One assertion (a sentence or clause) that can be compared across articles. */
export interface Claim extends TextSpan {
  /** Unique within the document, e.g. "c3"; the workspace prefixes it with the document id. */
  readonly id: string;
  /** Index into `DocumentAnalysis.attributions`, or null when unattributed. */
  readonly attribution: number | null;
  /** Indexes into `DocumentAnalysis.entities` of the named entities inside the claim. */
  readonly entities: readonly number[];
  /** Numbers as written and normalised ("six" -> "6"). */
  readonly numbers: readonly string[];
  /** Dates normalised against the dateline where possible ("2025-05-16"), else as written. */
  readonly dates: readonly string[];
  /** True when the claim is negated or denied ("denied direct talks", "did not meet"). */
  readonly negated: boolean;
}

/** A problem met while reading or analysing, reported to the user instead of failing. */
export interface Warning {
  readonly message: string;
  readonly span?: Span;
}

/** Everything Crosscheck finds in one article; a pure function of its text. */
export interface DocumentAnalysis {
  readonly title: string;
  readonly outlet: string | null;
  /** The dateline date as ISO "YYYY-MM-DD", when the article states one. */
  readonly published: string | null;
  readonly tokens: readonly Token[];
  readonly sentences: readonly Sentence[];
  readonly entities: readonly EntityMention[];
  readonly attributions: readonly Attribution[];
  readonly hedges: readonly Hedge[];
  readonly claims: readonly Claim[];
  readonly warnings: readonly Warning[];
}

/** A document as the workspace sees it: a stable id (its path or URI) and its analysis. */
export interface AnalyzedDocument {
  readonly id: string;
  readonly text: string;
  readonly analysis: DocumentAnalysis;
}

/** A mention of a workspace entity: which document, which entity mention inside it. */
export interface MentionRef {
  readonly doc: string;
  readonly index: number;
}

/** One real-world entity across the workspace: "Oded Basiuk" = "Basiuk" = "Oded Bashk". */
export interface WorkspaceEntity {
  readonly id: string;
  readonly name: string;
  readonly type: EntityType;
  readonly variants: readonly string[];
  readonly mentions: readonly MentionRef[];
}

/** A reference to one claim of one document. */
export interface ClaimRef {
  readonly doc: string;
  readonly claim: string;
}

export type DifferenceKind = 'number' | 'date' | 'name' | 'title' | 'sourcing' | 'contradiction' | 'other';

/** How two versions of a claim differ: "six" vs "four", "Friday" vs "Thursday". */
export interface ClaimDifference {
  readonly kind: DifferenceKind;
  readonly claims: readonly ClaimRef[];
  readonly detail: string;
  /** The differing words in each claim, as spans into their documents. */
  readonly spans?: readonly { readonly doc: string; readonly span: TextSpan }[];
}

export type ClaimRelation = 'agree' | 'discrepancy' | 'contradiction';

/** Claims from two or more documents that report the same thing. */
export interface ClaimCluster {
  readonly id: string;
  readonly claims: readonly ClaimRef[];
  readonly relation: ClaimRelation;
  readonly differences: readonly ClaimDifference[];
}

/** The result of cross-referencing every document of a workspace. */
export interface WorkspaceAnalysis {
  readonly entities: readonly WorkspaceEntity[];
  /** `${doc}#${mentionIndex}` -> workspace entity id. */
  readonly entityOf: ReadonlyMap<string, string>;
  readonly clusters: readonly ClaimCluster[];
  /** `${doc}#${claimId}` -> cluster id, for claims that are in a cluster. */
  readonly clusterOf: ReadonlyMap<string, string>;
}

/** User corrections: names that are one entity, and pairs that must never be merged. */
export interface AliasFile {
  readonly same: readonly (readonly string[])[];
  readonly different: readonly (readonly [string, string])[];
}

/** The settings the core reads; the editor layer and the CLI build it in one place. */
export interface AnalysisOptions {
  /** Extra hedge words and phrases from the user's settings. */
  readonly extraHedges?: readonly string[];
  /** Extra verbs of saying ("tweeted", "posted"). */
  readonly extraCues?: readonly string[];
  /** Whether style weasels ("some say", "many believe") count as hedges; attribution hedges always do. */
  readonly styleHedges?: boolean;
}

/** The decision `crosscheck match` and the sidebar make for one pair of sentences. */
export interface MatchResult {
  readonly same: boolean;
  readonly score: number;
  readonly relation: ClaimRelation | 'unrelated';
}
