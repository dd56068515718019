/**
 * What the extension contributes, as data: command ids, setting keys, view ids, decoration kinds and their
 * colours. No vscode import, so the metadata unit test can check package.json against it.
 */

/** Palette and internal commands; `palette: false` hides a command that only links and menus call. */
export const COMMANDS = {
  'crosscheck.compareArticles': { title: '%command.compareArticles%', palette: true },
  'crosscheck.crossReferenceWorkspace': { title: '%command.crossReferenceWorkspace%', palette: true },
  'crosscheck.showMentions': { title: '%command.showMentions%', palette: true },
  'crosscheck.treatAsSame': { title: '%command.treatAsSame%', palette: true },
  'crosscheck.notTheSame': { title: '%command.notTheSame%', palette: true },
  'crosscheck.toggleHighlights': { title: '%command.toggleHighlights%', palette: true },
  'crosscheck.exportReport': { title: '%command.exportReport%', palette: true },
  'crosscheck.openSamples': { title: '%command.openSamples%', palette: true },
  'crosscheck.refreshViews': { title: '%command.refreshViews%', palette: false },
  'crosscheck.openLocation': { title: '%command.openLocation%', palette: false },
} as const satisfies Record<string, { readonly title: string; readonly palette: boolean }>;

export type CommandId = keyof typeof COMMANDS;

/** Commands that hover links may run (`isTrusted: { enabledCommands }`). */
export const HOVER_COMMANDS: readonly CommandId[] = ['crosscheck.showMentions', 'crosscheck.openLocation'];

export const VIEW_CONTAINER = 'crosscheck';

export const VIEWS = {
  claims: 'crosscheck.claims',
  entities: 'crosscheck.entities',
  sources: 'crosscheck.sources',
} as const;

/** Highlight kinds: each its own decoration type, its own setting and its own themable colour. */
export const DECORATION_KINDS = [
  'person', 'organization', 'place', 'group', 'date', 'number',
  'namedSource', 'unnamedSource', 'cue', 'hedge', 'denial',
] as const;

export type DecorationKind = (typeof DECORATION_KINDS)[number];

/** The `crosscheck.highlight.*` switch that turns a kind on or off (named and unnamed sources share one). */
export const HIGHLIGHT_SETTING: Record<DecorationKind, string> = {
  person: 'person', organization: 'organization', place: 'place', group: 'group', date: 'date', number: 'number',
  namedSource: 'sources', unnamedSource: 'sources', cue: 'cues', hedge: 'hedges', denial: 'denials',
};

/** The colour id each kind draws with (`contributes.colors`). */
export const DECORATION_COLOR: Record<DecorationKind, string> = {
  person: 'crosscheck.personBackground',
  organization: 'crosscheck.organizationBackground',
  place: 'crosscheck.placeBackground',
  group: 'crosscheck.groupBackground',
  date: 'crosscheck.dateBackground',
  number: 'crosscheck.numberBackground',
  namedSource: 'crosscheck.namedSourceBorder',
  unnamedSource: 'crosscheck.unnamedSourceBorder',
  cue: 'crosscheck.cueForeground',
  hedge: 'crosscheck.hedgeForeground',
  denial: 'crosscheck.denialForeground',
};

/** Every `crosscheck.*` setting the code reads (config.ts); package.json must declare exactly these. */
export const SETTINGS = [
  'crosscheck.files.include',
  'crosscheck.files.maxSizeKB',
  'crosscheck.files.maxWorkspaceFiles',
  'crosscheck.highlight.enabled',
  'crosscheck.highlight.maxPerEditor',
  ...[...new Set(Object.values(HIGHLIGHT_SETTING))].map((k) => `crosscheck.highlight.${k}`),
  'crosscheck.hedges.extra',
  'crosscheck.hedges.includeStyleWeasels',
  'crosscheck.hedges.highlightConditionals',
  'crosscheck.cues.extra',
  'crosscheck.aliases.file',
] as const;
