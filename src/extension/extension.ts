/**
 * The composition root: builds every part once, wires them together and hands every disposable to the context.
 * Modules do nothing when imported; `activate` is synchronous and returns the small API the integration tests use.
 */
import * as vscode from 'vscode';
import { AliasStore } from './aliasStore';
import { ArticleIndex, type IndexResult } from './articleIndex';
import { commandHandlers, openLocation, registerCommands, type CommandContext } from './commands';
import { readConfig, settingsSchema, type CrosscheckConfig } from './config';
import { VIEWS, type DecorationKind } from './contributions';
import { Highlighter } from './decorations';
import { ArticleHoverProvider } from './hovers';
import { SourcingStatusBar } from './statusBar';
import { ClaimsViewProvider } from './views/claimsView';
import { ComparePanel } from './views/comparePanel';
import { EntitiesTreeProvider } from './views/entitiesTree';
import { SourcesTreeProvider } from './views/sourcesTree';
import type { ClaimsState, CompareState } from '../webview/protocol';
import type { AliasFile } from '../core/index';

/** What `activate` returns: enough for the integration tests to look inside without reaching into modules. */
export interface CrosscheckApi {
  readonly index: ArticleIndex;
  readonly entitiesTree: EntitiesTreeProvider;
  readonly sourcesTree: SourcesTreeProvider;
  /** The highlight ranges last drawn for a document, per kind. */
  decorations(uri: vscode.Uri): Record<DecorationKind, vscode.Range[]> | undefined;
  /** Fires after an editor's highlights were drawn. */
  readonly onDidDraw: vscode.Event<vscode.Uri>;
  /** Fires after the views were refreshed from the index. */
  readonly onDidRefresh: vscode.Event<void>;
  /** Resolves when the first workspace indexing is over. */
  readonly initialIndexing: Promise<IndexResult>;
  claimsState(): ClaimsState;
  compareState(): CompareState | undefined;
  readonly onDidPostClaimsState: vscode.Event<ClaimsState>;
  statusBarText(): string | undefined;
  readonly highlightsEnabled: boolean;
  readonly commands: readonly string[];
  /** What is wrong with the user's `crosscheck.*` settings (each was replaced by its default). */
  settingProblems(): readonly string[];
  /** What is wrong with the aliases files at the last read ("file: problem"). */
  aliasProblems(): readonly string[];
  /** Fires after the aliases files were re-read. */
  readonly onDidReloadAliases: vscode.Event<AliasFile>;
}

export function activate(context: vscode.ExtensionContext): CrosscheckApi {
  const log = vscode.window.createOutputChannel('Crosscheck', { log: true });
  const schema = settingsSchema(context);
  let settingProblems: readonly string[] = [];
  /** The settings, checked; problems are logged and shown once each time the set of problems changes. */
  const loadConfig = (): CrosscheckConfig => {
    const r = readConfig(schema);
    const changed = r.problems.join('\n') !== settingProblems.join('\n');
    settingProblems = r.problems;
    if (changed && r.problems.length) {
      for (const p of r.problems) log.warn(`settings: ${p}`);
      const first = r.problems[0]!;
      const more = r.problems.length > 1 ? ` (and ${r.problems.length - 1} more problem${r.problems.length > 2 ? 's' : ''} in the Crosscheck output)` : '';
      void vscode.window.showWarningMessage(`Crosscheck: ${first}${more}.`, 'Open Settings (JSON)', 'Show Output').then((pick) => {
        if (pick === 'Show Output') log.show();
        else if (pick) void vscode.commands.executeCommand('workbench.action.openSettingsJson');
      });
    }
    return r.config;
  };
  let config = loadConfig();
  // analyses persist in the workspace's storage, so reopening a folder re-reads unchanged articles without analysing
  const cacheDir = context.storageUri?.scheme === 'file' ? vscode.Uri.joinPath(context.storageUri, 'analyses').fsPath : undefined;
  const index = new ArticleIndex(context.extensionUri, config, log, { cacheDir });
  const aliases = new AliasStore(config.aliasesFile, log);
  const highlighter = new Highlighter(index, config);
  const entitiesTree = new EntitiesTreeProvider(index);
  const sourcesTree = new SourcesTreeProvider(index);
  const statusBar = new SourcingStatusBar(index);
  // Webviews may only reveal articles the index knows (never an arbitrary URI a message names), within their text.
  const reveal = (doc: string, start: number, end: number): Thenable<unknown> => {
    const known = index.get(doc);
    if (!known || end > known.text.length) {
      log.warn(`a view asked to reveal ${doc.slice(0, 200)} [${start}, ${end}), which is not an indexed article; ignored`);
      return Promise.resolve(undefined);
    }
    return openLocation(doc, start, end);
  };
  const claimsView = new ClaimsViewProvider(context.extensionUri, index, reveal);
  const refreshed = new vscode.EventEmitter<void>();
  let compare: ComparePanel | undefined;

  /** Set once the first indexing is over: the views' "no articles" welcome waits for it instead of flashing. */
  let firstIndexingDone = false;
  const refreshViews = (): void => {
    void vscode.commands.executeCommand('setContext', 'crosscheck.noArticles', firstIndexingDone && index.documents().length === 0);
    entitiesTree.refresh();
    sourcesTree.refresh();
    claimsView.refresh();
    compare?.refresh();
    statusBar.update();
    refreshed.fire();
  };
  let refreshTimer: ReturnType<typeof setTimeout> | undefined;
  const scheduleRefresh = (): void => {
    clearTimeout(refreshTimer);
    refreshTimer = setTimeout(refreshViews, 250);
  };

  let indexing: Promise<IndexResult> | undefined;
  const indexWithProgress = (location = vscode.ProgressLocation.Notification): Promise<IndexResult> => {
    indexing = Promise.resolve(vscode.window.withProgress(
      { location, title: 'Crosscheck: reading the workspace’s articles', cancellable: location === vscode.ProgressLocation.Notification },
      (progress, token) => index.indexWorkspace(progress, token),
    )).then((r) => {
      if (r.failed) void vscode.window.showWarningMessage(`Crosscheck: ${r.failed}.`, 'Show Output').then((pick) => pick && log.show());
      return r;
    }).finally(refreshViews);
    return indexing;
  };

  const ctx: CommandContext = {
    extensionUri: context.extensionUri,
    index, aliases, highlighter, log,
    openCompare: (docs) => {
      if (compare) compare.show(docs);
      else compare = new ComparePanel(context.extensionUri, index, docs, reveal, () => { compare = undefined; });
      return compare.state();
    },
    refreshViews,
    indexWithProgress: () => indexWithProgress(),
  };

  const setArticleContext = (): void => {
    const doc = vscode.window.activeTextEditor?.document;
    void vscode.commands.executeCommand('setContext', 'crosscheck.isArticle', !!doc && index.isArticle(doc));
  };

  const articleGlobWatcher = (): vscode.FileSystemWatcher => {
    const w = vscode.workspace.createFileSystemWatcher(config.include.length === 1 ? config.include[0]! : `{${config.include.join(',')}}`);
    const reread = (uri: vscode.Uri): void => {
      if (!vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString())) void index.indexFiles([uri]).then(scheduleRefresh);
    };
    w.onDidCreate(reread);
    w.onDidChange(reread);
    w.onDidDelete((uri) => index.remove(uri.toString()));
    return w;
  };
  let watcher = articleGlobWatcher();

  context.subscriptions.push(
    log, index, aliases, highlighter, entitiesTree, sourcesTree, statusBar, claimsView, refreshed,
    { dispose: () => { clearTimeout(refreshTimer); compare?.dispose(); watcher.dispose(); } },
    vscode.window.registerWebviewViewProvider(VIEWS.claims, claimsView),
    vscode.window.createTreeView(VIEWS.entities, { treeDataProvider: entitiesTree, showCollapseAll: true }),
    vscode.window.createTreeView(VIEWS.sources, { treeDataProvider: sourcesTree, showCollapseAll: true }),
    vscode.languages.registerHoverProvider([{ scheme: 'file' }, { scheme: 'untitled' }, { scheme: 'vscode-vfs' }], new ArticleHoverProvider(index)),
    ...registerCommands(ctx),
    index.onDidChange(scheduleRefresh),
    aliases.onDidChange((a) => index.setAliases(a)),
    vscode.window.onDidChangeActiveTextEditor(() => { setArticleContext(); statusBar.update(); claimsView.refresh(); }),
    vscode.workspace.onDidCloseTextDocument((d) => {
      // an unsaved edit was dropped: go back to what is on disk
      if (d.uri.scheme === 'untitled') index.remove(d.uri.toString());
      else if (index.get(d.uri.toString())) void index.indexFiles([d.uri]).then(scheduleRefresh);
    }),
    vscode.workspace.onDidChangeWorkspaceFolders(() => { void aliases.reload(); void indexWithProgress(vscode.ProgressLocation.Window); }),
    vscode.workspace.onDidGrantWorkspaceTrust(() => void aliases.reload(loadConfig().aliasesFile)),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (!e.affectsConfiguration('crosscheck')) return;
      const before = config;
      config = loadConfig();
      let reindex = index.setConfig(config);
      highlighter.setConfig(config);
      if (e.affectsConfiguration('crosscheck.aliases.file')) void aliases.reload(config.aliasesFile);
      if (e.affectsConfiguration('crosscheck.files')) {
        watcher.dispose();
        watcher = articleGlobWatcher();
        reindex ||= JSON.stringify(before.include) !== JSON.stringify(config.include) || before.maxBytes !== config.maxBytes || before.maxWorkspaceFiles !== config.maxWorkspaceFiles;
      }
      if (reindex) void indexWithProgress(vscode.ProgressLocation.Window);
      scheduleRefresh();
    }),
  );

  // first draw of what is open right after activation returns (the model loads on first use), then the workspace in
  // the background (the worker does the reading)
  const firstDraw = setTimeout(() => { highlighter.drawAll(); setArticleContext(); statusBar.update(); }, 0);
  context.subscriptions.push({ dispose: () => clearTimeout(firstDraw) });
  const initialIndexing = aliases.reload().then((a) => { index.setAliases(a); return indexWithProgress(vscode.ProgressLocation.Window); })
    .finally(() => { firstIndexingDone = true; refreshViews(); });

  return {
    index, entitiesTree, sourcesTree,
    decorations: (uri) => highlighter.rangesFor(uri),
    onDidDraw: highlighter.onDidDraw,
    onDidRefresh: refreshed.event,
    initialIndexing,
    claimsState: () => claimsView.state(),
    compareState: () => compare?.state(),
    onDidPostClaimsState: claimsView.onDidPostState,
    statusBarText: () => (statusBar.item.text ? statusBar.item.text : undefined),
    get highlightsEnabled() { return highlighter.enabled; },
    commands: Object.keys(commandHandlers(ctx)),
    settingProblems: () => settingProblems,
    aliasProblems: () => aliases.problems(),
    onDidReloadAliases: aliases.onDidChange,
  };
}

export function deactivate(): void {
  // everything is in context.subscriptions
}
