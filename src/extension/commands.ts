import * as vscode from 'vscode';
import { renderHtmlReport, renderMarkdownReport, toContractJson, type AnalyzedDocument, type WorkspaceEntity } from '../core/index';
import { documentLabel } from '../core/report/render';
import type { AliasStore } from './aliasStore';
import type { ArticleIndex, IndexResult } from './articleIndex';
import type { CommandId } from './contributions';
import type { Highlighter } from './decorations';
import { findAt, mentionsByDocument, workspaceEntityOf } from './lookup';
import type { EntityNode } from './views/entitiesTree';

/** What the command handlers work with; built by the composition root. */
export interface CommandContext {
  readonly extensionUri: vscode.Uri;
  readonly index: ArticleIndex;
  readonly aliases: AliasStore;
  readonly highlighter: Highlighter;
  readonly log: vscode.LogOutputChannel;
  /** Opens (or updates) the comparison panel on these document ids. */
  openCompare(docs: readonly string[]): unknown;
  refreshViews(): void;
  /** Indexes the workspace with a cancellable progress notification. */
  indexWithProgress(): Promise<IndexResult>;
}

export type ReportFormat = 'markdown' | 'html' | 'json';
const REPORT_EXT: Record<ReportFormat, string> = { markdown: 'md', html: 'html', json: 'json' };

/** Tells the user something without waiting for the notification (a test awaiting it would never return). */
const tell = (message: string, ...actions: { title: string; run: () => unknown }[]): void => {
  void vscode.window.showInformationMessage(message, ...actions.map((a) => a.title)).then((pick) => actions.find((a) => a.title === pick)?.run());
};

const toUri = (x: unknown): vscode.Uri | undefined =>
  x instanceof vscode.Uri ? x : typeof x === 'string' ? (/^[a-z][\w+.-]*:/i.test(x) ? vscode.Uri.parse(x) : vscode.Uri.file(x)) : undefined;

/**
 * The entity under the cursor of the active article, with the document it is in. When the published cross-reference
 * does not cover the article's current version yet, it waits for the one that does.
 */
async function entityAtCursor(ctx: CommandContext): Promise<{ entity: WorkspaceEntity; doc: AnalyzedDocument } | undefined> {
  const editor = vscode.window.activeTextEditor;
  if (!editor) return undefined;
  const doc = ctx.index.get(editor.document.uri.toString()) ?? ctx.index.updateDocument(editor.document) ?? undefined;
  if (!doc) return undefined;
  const at = findAt(doc, editor.document.offsetAt(editor.selection.active));
  const mention = at.entity ?? (at.attribution !== undefined ? doc.analysis.attributions[at.attribution]?.sourceEntity ?? undefined : undefined);
  if (mention === undefined) return undefined;
  let entity = workspaceEntityOf(ctx.index.workspace(), doc.id, mention);
  if (!entity && (ctx.index.crossReferencePending || !ctx.index.crossReferenceCovers(doc.id))) {
    entity = workspaceEntityOf(await ctx.index.crossReferenced(), doc.id, mention);
  }
  return entity ? { entity, doc } : undefined;
}

/** A name from a command argument: a string, an Entities tree node, or the entity at the cursor. */
async function nameFrom(ctx: CommandContext, arg: unknown): Promise<string | undefined> {
  if (typeof arg === 'string' && arg.trim()) return arg.trim();
  if (arg && typeof arg === 'object' && 'kind' in arg) {
    const node = arg as EntityNode;
    if (node.kind === 'entity') return node.entity.name;
    if (node.kind === 'spelling' || node.kind === 'file') return node.spelling;
  }
  return (await entityAtCursor(ctx))?.entity.name;
}

/**
 * Which article a correction is about, so that it is saved in that article's workspace folder (multi-root): the
 * Entities tree node's file, else the active editor when it names the entity, else the first article naming it.
 */
function articleOf(arg: unknown): vscode.Uri | undefined {
  const active = vscode.window.activeTextEditor?.document.uri;
  if (!arg || typeof arg !== 'object' || !('kind' in arg)) return active;
  const node = arg as EntityNode;
  if (node.kind === 'file' || node.kind === 'mention') return vscode.Uri.parse(node.doc);
  const docs = node.entity.mentions.map((m) => m.doc);
  const doc = active && docs.includes(active.toString()) ? active.toString() : docs[0];
  return doc ? vscode.Uri.parse(doc) : active;
}

async function pickEntity(ctx: CommandContext, placeHolder: string, exclude: string): Promise<string | undefined> {
  const items = ctx.index.workspace().entities
    .filter((e) => !['DATE', 'TIME', 'NUMBER', 'MONEY', 'PERCENT', 'QUANTITY'].includes(e.type))
    .flatMap((e) => e.variants.map((v) => ({ label: v, description: v === e.name ? e.type : `${e.type} · now merged into ${e.name}` })))
    .filter((i) => i.label.toLowerCase() !== exclude.toLowerCase());
  const pick = await vscode.window.showQuickPick(items, { placeHolder, matchOnDescription: true });
  return pick?.label;
}

async function openLocation(doc: string, start: number, end: number): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(doc));
  const range = new vscode.Range(document.positionAt(start), document.positionAt(end));
  const editor = await vscode.window.showTextDocument(document, { selection: range, preserveFocus: false, preview: true });
  editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  return editor;
}

/** Every command's handler, keyed by the ids of contributions.ts (the compiler checks none is missing). */
export function commandHandlers(ctx: CommandContext) {
  const ensureIndexed = async (): Promise<void> => {
    if (ctx.index.documents().length < 2) await ctx.indexWithProgress();
  };
  return {
    /** Pick two or more articles (or pass their URIs) and open the side-by-side comparison. */
    'crosscheck.compareArticles': async (...args: unknown[]) => {
      const given = (args.length === 1 && Array.isArray(args[0]) ? (args[0] as unknown[]) : args).map(toUri).filter((u): u is vscode.Uri => !!u);
      let ids = given.map((u) => u.toString());
      for (const u of given) if (!ctx.index.get(u.toString())) await ctx.index.indexFiles([u]);
      if (ids.length < 2) {
        await ensureIndexed();
        const docs = ctx.index.documents();
        if (docs.length < 2) { tell('Compare Articles needs at least two articles in the workspace.'); return undefined; }
        const active = vscode.window.activeTextEditor?.document.uri.toString();
        const picks = await vscode.window.showQuickPick(
          docs.map((d) => ({ label: documentLabel(d), description: vscode.workspace.asRelativePath(vscode.Uri.parse(d.id)), detail: d.analysis.title, picked: d.id === active || ids.includes(d.id), id: d.id })),
          { canPickMany: true, placeHolder: 'Pick two or more articles to compare', matchOnDescription: true },
        );
        if (!picks) return undefined;
        if (picks.length < 2) { tell('Pick at least two articles to compare.'); return undefined; }
        ids = picks.map((p) => p.id);
      }
      return ctx.openCompare(ids.filter((id) => ctx.index.get(id)));
    },

    /** Reads every article of the workspace (in the worker) and links claims and entities across them. */
    'crosscheck.crossReferenceWorkspace': async () => {
      const r = await ctx.indexWithProgress();
      const ws = await ctx.index.crossReferenced();
      const summary = `${ctx.index.documents().length} articles cross-referenced: ${ws.clusters.length} claims reported by more than one, ${ws.entities.length} entities${r.skipped.length ? `; ${r.skipped.length} files skipped (see the Crosscheck output)` : ''}${r.cancelled ? ' (cancelled)' : ''}${r.failed ? `; ${r.failed}` : ''}.`;
      tell(summary, { title: 'Show Claims', run: () => vscode.commands.executeCommand('crosscheck.claims.focus') });
      return { ...r, clusters: ws.clusters.length, entities: ws.entities.length };
    },

    /** Lists every mention of the entity at the cursor (or of the given entity id) across the workspace. */
    'crosscheck.showMentions': async (entityId?: unknown) => {
      const ws = ctx.index.workspace();
      const node = entityId && typeof entityId === 'object' && 'kind' in entityId ? (entityId as EntityNode) : undefined;
      const id = typeof entityId === 'string' ? entityId : node && 'entity' in node ? node.entity.id : undefined;
      const entity = id !== undefined ? ws.entities.find((e) => e.id === id) : (await entityAtCursor(ctx))?.entity;
      if (!entity) { tell('Put the cursor on a highlighted name to see its mentions.'); return []; }
      const docs = new Map(ctx.index.documents().map((d) => [d.id, d]));
      const locations: vscode.Location[] = [];
      for (const [id, spans] of mentionsByDocument(docs, entity, (d) => ctx.index.crossReferenceCovers(d))) {
        const text = docs.get(id)!.text;
        const pos = (o: number): vscode.Position => {
          const before = text.slice(0, o);
          const line = (before.match(/\n/g) ?? []).length;
          return new vscode.Position(line, o - (before.lastIndexOf('\n') + 1));
        };
        for (const s of spans) locations.push(new vscode.Location(vscode.Uri.parse(id), new vscode.Range(pos(s.start), pos(s.end))));
      }
      let editor = vscode.window.activeTextEditor;
      if (!editor || !locations.some((l) => l.uri.toString() === editor!.document.uri.toString())) {
        const first = locations[0];
        if (first) editor = await vscode.window.showTextDocument(first.uri, { selection: first.range, preview: true });
      }
      if (editor && locations.length) {
        void vscode.commands.executeCommand('editor.action.showReferences', editor.document.uri, editor.selection.active, locations);
      }
      return locations;
    },

    /** Records that two names are one entity ("Oded Basiuk" = "Oded Bashk") in the workspace's aliases file. */
    'crosscheck.treatAsSame': async (first?: unknown, second?: unknown) => {
      const a = await nameFrom(ctx, first);
      if (!a) { tell('Put the cursor on a highlighted name, or pick one in the Entities view.'); return undefined; }
      const b = typeof second === 'string' && second.trim() ? second.trim() : await pickEntity(ctx, `Which entity is the same as “${a}”?`, a);
      if (!b) return undefined;
      const uri = await ctx.aliases.treatAsSame(a, b, articleOf(first));
      ctx.index.setAliases(ctx.aliases.aliases);
      tell(`“${a}” and “${b}” are now treated as one entity (saved in ${vscode.workspace.asRelativePath(uri)}).`);
      return uri;
    },

    /** Records that two names must never be merged ("Bashk" is not "Bashar al-Assad"). */
    'crosscheck.notTheSame': async (first?: unknown, second?: unknown) => {
      const node = first && typeof first === 'object' && 'kind' in first ? (first as EntityNode) : undefined;
      const a = await nameFrom(ctx, first);
      if (!a) { tell('Put the cursor on a highlighted name, or pick one in the Entities view.'); return undefined; }
      let b = typeof second === 'string' && second.trim() ? second.trim() : undefined;
      if (!b && node?.kind === 'spelling' && node.spelling !== node.entity.name) b = node.entity.name;
      b ??= await pickEntity(ctx, `Which entity is “${a}” NOT?`, a);
      if (!b) return undefined;
      const uri = await ctx.aliases.notTheSame(a, b, articleOf(first));
      ctx.index.setAliases(ctx.aliases.aliases);
      tell(`“${a}” and “${b}” will be kept apart (saved in ${vscode.workspace.asRelativePath(uri)}).`);
      return uri;
    },

    /** Turns every highlight off or on for this session. */
    'crosscheck.toggleHighlights': () => ctx.highlighter.toggle(),

    /** Writes the cross-reference as Markdown, HTML or JSON (CONTRACT.md) to a file the user picks. */
    'crosscheck.exportReport': async (formatArg?: unknown, target?: unknown) => {
      let format = (['markdown', 'html', 'json'] as const).find((f) => f === formatArg || REPORT_EXT[f] === formatArg);
      if (!format) {
        const pick = await vscode.window.showQuickPick(
          [{ label: 'Markdown', format: 'markdown' as const, description: 'a readable report' }, { label: 'HTML', format: 'html' as const, description: 'a self-contained page' }, { label: 'JSON', format: 'json' as const, description: 'the CLI contract (crosscheck analyze --format json)' }],
          { placeHolder: 'Export the Crosscheck report as…' },
        );
        if (!pick) return undefined;
        format = pick.format;
      }
      await ensureIndexed();
      const ws = await ctx.index.crossReferenced(); // the report is of every change made so far
      const docs = ctx.index.documents();
      let uri = toUri(target);
      if (!uri) {
        const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
        uri = await vscode.window.showSaveDialog({
          defaultUri: folder ? vscode.Uri.joinPath(folder, `crosscheck-report.${REPORT_EXT[format]}`) : undefined,
          filters: { [format === 'markdown' ? 'Markdown' : format.toUpperCase()]: [REPORT_EXT[format]] },
          saveLabel: 'Export',
        });
        if (!uri) return undefined;
      }
      if (docs.some((d) => d.id === uri!.toString())) throw new Error('The report would overwrite an article; pick another file.');
      const relative = (d: AnalyzedDocument): string => vscode.workspace.asRelativePath(vscode.Uri.parse(d.id), (vscode.workspace.workspaceFolders?.length ?? 0) > 1);
      const text = format === 'json' ? JSON.stringify(toContractJson(docs, ws, relative), null, 2) + '\n'
        : format === 'html' ? renderHtmlReport(docs, ws) : renderMarkdownReport(docs, ws);
      await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
      const written = uri;
      tell(`Report written to ${vscode.workspace.asRelativePath(written)}.`, { title: 'Open', run: () => vscode.commands.executeCommand('vscode.open', written) });
      return written;
    },

    /** Opens the sample articles that ship with the extension. */
    'crosscheck.openSamples': async () => {
      const dir = vscode.Uri.joinPath(ctx.extensionUri, 'samples');
      let names: string[] = [];
      try {
        names = (await vscode.workspace.fs.readDirectory(dir)).filter(([n, t]) => t === vscode.FileType.File && /\.(txt|md|article|news)$/i.test(n)).map(([n]) => n).sort();
      } catch { /* no samples shipped */ }
      if (!names.length) { tell('No sample articles were found in the extension.'); return []; }
      const uris = names.slice(0, 4).map((n) => vscode.Uri.joinPath(dir, n));
      await ctx.index.indexFiles(uris);
      // side by side, one column per article (at most three columns)
      for (const [i, uri] of uris.entries()) await vscode.window.showTextDocument(uri, { preview: false, preserveFocus: i > 0, viewColumn: Math.min(i + 1, 3) as vscode.ViewColumn });
      return uris;
    },

    'crosscheck.refreshViews': () => ctx.refreshViews(),

    /** Jumps to a span of an article: hover links and tree items use it. */
    'crosscheck.openLocation': async (doc?: unknown, start?: unknown, end?: unknown) => {
      if (typeof doc !== 'string' || typeof start !== 'number' || typeof end !== 'number') return undefined;
      return openLocation(doc, start, end);
    },
  } as const satisfies Record<CommandId, (...args: never[]) => unknown>;
}

/** Registers the table; a failing command shows its message instead of failing silently. */
export function registerCommands(ctx: CommandContext): vscode.Disposable[] {
  const handlers = commandHandlers(ctx) as Record<CommandId, (...args: unknown[]) => unknown>;
  return Object.entries(handlers).map(([id, run]) => vscode.commands.registerCommand(id, async (...args: unknown[]) => {
    try {
      return await run(...args);
    } catch (e) {
      ctx.log.error(`${id}: ${(e as Error).stack ?? e}`);
      void vscode.window.showErrorMessage(`Crosscheck: ${(e as Error).message}`);
      return undefined;
    }
  }));
}

export { openLocation };
