/**
 * The `crosscheck.*` settings checked against package.json's schema: wrong types, values out of range and unknown
 * keys each give one clear message, and the bad value is replaced by the declared default. No vscode import, so the
 * unit tests run it on package.json itself.
 */
import type { AnalysisOptions } from '../core/index';
import { jaroWinkler } from '../core/nlp/natural';
import { DECORATION_KINDS, HIGHLIGHT_SETTING, type DecorationKind } from './contributions';

/** The part of a `contributes.configuration` property this check understands. */
export interface SettingSchema {
  readonly type?: string;
  readonly items?: { readonly type?: string };
  readonly minimum?: number;
  readonly default?: unknown;
}
export type SettingsSchema = Readonly<Record<string, SettingSchema>>;

/** Every setting the extension reads, as one typed value; rebuilt when `crosscheck.*` changes. */
export interface CrosscheckConfig {
  /** Globs of the files treated as articles, e.g. `**\/*.txt`. */
  readonly include: readonly string[];
  readonly maxBytes: number;
  readonly maxWorkspaceFiles: number;
  readonly highlightsEnabled: boolean;
  readonly maxDecorationsPerEditor: number;
  readonly kinds: Readonly<Record<DecorationKind, boolean>>;
  /** Whether conditional hedges ("if", "whether") are highlighted too. */
  readonly highlightConditionals: boolean;
  /** The aliases file, relative to each workspace folder. */
  readonly aliasesFile: string;
  readonly analysis: AnalysisOptions;
}

/**
 * `{"highlight": {"hedges": false}}` under `crosscheck` → `{"crosscheck.highlight.hedges": false}`. Descends into
 * objects only where no declared setting ends, so an object-valued setting stays whole.
 */
export function flattenSettings(prefix: string, value: unknown, schema: SettingsSchema, out: Record<string, unknown> = {}): Record<string, unknown> {
  if (prefix in schema || !isPlainObject(value)) {
    out[prefix] = value;
    return out;
  }
  for (const [k, v] of Object.entries(value)) flattenSettings(`${prefix}.${k}`, v, schema, out);
  return out;
}

/**
 * Checks the values the user set (flattened keys) against the schema. Returns every declared setting's usable value
 * (the user's, or the default when the user's is wrong) and one message per problem.
 */
export function checkSettings(raw: Readonly<Record<string, unknown>>, schema: SettingsSchema): { values: Record<string, unknown>; problems: string[] } {
  const values: Record<string, unknown> = {};
  const problems: string[] = [];
  for (const [key, spec] of Object.entries(schema)) {
    const v = Object.hasOwn(raw, key) ? raw[key] : undefined;
    if (v === undefined || v === null) { values[key] = spec.default; continue; }
    const wrong = whatIsWrong(v, spec);
    if (!wrong) { values[key] = v; continue; }
    if (wrong.keep !== undefined) values[key] = wrong.keep;
    else values[key] = spec.default;
    problems.push(`${key} ${wrong.message}${wrong.keep === undefined ? `; using the default, ${show(spec.default)}` : ''}`);
  }
  for (const key of Object.keys(raw)) {
    if (Object.hasOwn(schema, key)) continue;
    const near = closest(key, Object.keys(schema));
    problems.push(`${key} is not a Crosscheck setting${near ? ` (did you mean ${near}?)` : ''}; ignored`);
  }
  return { values, problems };
}

function whatIsWrong(v: unknown, spec: SettingSchema): { message: string; keep?: unknown } | undefined {
  switch (spec.type) {
    case 'boolean':
      return typeof v === 'boolean' ? undefined : { message: `must be true or false, not ${show(v)}` };
    case 'string':
      if (typeof v !== 'string') return { message: `must be text, not ${show(v)}` };
      return v.trim() ? undefined : { message: 'must not be empty' };
    case 'number': {
      const min = spec.minimum;
      const what = `a number${min !== undefined ? ` of at least ${min}` : ''}`;
      if (typeof v !== 'number' || !Number.isFinite(v)) return { message: `must be ${what}, not ${show(v)}` };
      return min !== undefined && v < min ? { message: `must be ${what}, not ${show(v)}` } : undefined;
    }
    case 'array': {
      if (!Array.isArray(v)) return { message: `must be a list${spec.items?.type === 'string' ? ' of text values' : ''}, not ${show(v)}` };
      if (spec.items?.type !== 'string') return undefined;
      const good = v.filter((x): x is string => typeof x === 'string' && x.trim() !== '');
      if (good.length === v.length) return undefined;
      const bad = v.filter((x) => !(typeof x === 'string' && x.trim() !== ''));
      return { message: `must list non-empty text values; ignoring ${bad.map(show).join(', ')}`, keep: good };
    }
    default:
      return undefined;
  }
}

/** A value as the user wrote it, shortened. */
function show(v: unknown): string {
  let s: string;
  try { s = JSON.stringify(v) ?? String(v); } catch { s = typeof v === 'object' ? 'an object' : String(v); }
  return s.length > 80 ? `${s.slice(0, 77)}…` : s;
}

/** The declared key nearest to a mistyped one, compared without the shared `crosscheck.` prefix. */
function closest(key: string, known: readonly string[]): string | undefined {
  const bare = (k: string): string => k.toLowerCase().replace(/^crosscheck\./, '');
  let best: string | undefined;
  let score = 0.85;
  for (const k of known) {
    const s = jaroWinkler(bare(key), bare(k));
    if (s > score) { score = s; best = k; }
  }
  return best;
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The extension's configuration from checked values (every declared key present). */
export function toConfig(values: Readonly<Record<string, unknown>>): CrosscheckConfig {
  const get = <T>(key: string): T => values[`crosscheck.${key}`] as T;
  const trimmed = (key: string): string[] => get<string[]>(key).map((w) => w.trim());
  const kinds = Object.fromEntries(DECORATION_KINDS.map((k) => [k, get<boolean>(`highlight.${HIGHLIGHT_SETTING[k]}`)])) as Record<DecorationKind, boolean>;
  return {
    include: trimmed('files.include'),
    maxBytes: get<number>('files.maxSizeKB') * 1024,
    maxWorkspaceFiles: Math.floor(get<number>('files.maxWorkspaceFiles')),
    highlightsEnabled: get<boolean>('highlight.enabled'),
    maxDecorationsPerEditor: Math.floor(get<number>('highlight.maxPerEditor')),
    kinds,
    highlightConditionals: get<boolean>('hedges.highlightConditionals'),
    aliasesFile: get<string>('aliases.file').trim(),
    analysis: {
      extraHedges: trimmed('hedges.extra'),
      extraCues: trimmed('cues.extra'),
      styleHedges: get<boolean>('hedges.includeStyleWeasels'),
    },
  };
}
