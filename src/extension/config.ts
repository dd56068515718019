import * as vscode from 'vscode';
import type { AnalysisOptions } from '../core/index';
import { DECORATION_KINDS, HIGHLIGHT_SETTING, type DecorationKind } from './contributions';

/** Every setting the extension reads, as one typed value; rebuilt when `crosscheck.*` changes. */
export interface CrosscheckConfig {
  /** Globs of the files treated as articles, e.g. `**\/*.txt`. */
  readonly include: readonly string[];
  readonly maxBytes: number;
  readonly maxWorkspaceFiles: number;
  readonly highlightsEnabled: boolean;
  readonly maxDecorationsPerEditor: number;
  readonly kinds: Readonly<Record<DecorationKind, boolean>>;
  /** The aliases file, relative to each workspace folder. */
  readonly aliasesFile: string;
  readonly analysis: AnalysisOptions;
}

const DEFAULT_INCLUDE = ['**/*.txt', '**/*.md', '**/*.article', '**/*.news'];

const words = (v: unknown): string[] => (Array.isArray(v) ? v.filter((w): w is string => typeof w === 'string' && w.trim() !== '').map((w) => w.trim()) : []);
const positive = (v: unknown, fallback: number): number => (typeof v === 'number' && Number.isFinite(v) && v > 0 ? v : fallback);

/** Reads the settings once; bad values fall back to the defaults rather than failing. */
export function readConfig(): CrosscheckConfig {
  const c = vscode.workspace.getConfiguration('crosscheck');
  const include = words(c.get('files.include'));
  const kinds = Object.fromEntries(DECORATION_KINDS.map((k) => [k, c.get<boolean>(`highlight.${HIGHLIGHT_SETTING[k]}`, true) !== false])) as Record<DecorationKind, boolean>;
  const aliasesFile = c.get<string>('aliases.file', '.crosscheck/aliases.json');
  return {
    include: include.length ? include : DEFAULT_INCLUDE,
    maxBytes: positive(c.get('files.maxSizeKB'), 2048) * 1024,
    maxWorkspaceFiles: positive(c.get('files.maxWorkspaceFiles'), 500),
    highlightsEnabled: c.get<boolean>('highlight.enabled', true) !== false,
    maxDecorationsPerEditor: positive(c.get('highlight.maxPerEditor'), 3000),
    kinds,
    aliasesFile: typeof aliasesFile === 'string' && aliasesFile.trim() ? aliasesFile.trim() : '.crosscheck/aliases.json',
    analysis: {
      extraHedges: words(c.get('hedges.extra')),
      extraCues: words(c.get('cues.extra')),
      styleHedges: c.get<boolean>('hedges.includeStyleWeasels', false) === true,
    },
  };
}
