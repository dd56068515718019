import * as vscode from 'vscode';
import type { ArticleIndex } from './articleIndex';
import type { CrosscheckConfig } from './config';
import { DECORATION_COLOR, DECORATION_KINDS, type DecorationKind } from './contributions';
import { highlightSpans } from './highlightSpans';

const color = (kind: DecorationKind): vscode.ThemeColor => new vscode.ThemeColor(DECORATION_COLOR[kind]);

/** How each kind looks; the colours come from `contributes.colors`, so themes can change them. */
function decorationOptions(kind: DecorationKind): vscode.DecorationRenderOptions {
  switch (kind) {
    case 'namedSource':
      return { borderColor: color(kind), borderStyle: 'none none solid none', borderWidth: '0 0 2px 0' };
    case 'unnamedSource':
      return { borderColor: color(kind), borderStyle: 'none none dashed none', borderWidth: '0 0 2px 0' };
    case 'cue':
      return { color: color(kind), fontWeight: 'bold' };
    case 'denial':
      return { color: color(kind), fontWeight: 'bold', textDecoration: 'underline double', overviewRulerColor: color(kind), overviewRulerLane: vscode.OverviewRulerLane.Right };
    case 'hedge':
      return { color: color(kind), fontStyle: 'italic', textDecoration: 'underline dotted' };
    default:
      return { backgroundColor: color(kind), borderRadius: '2px' };
  }
}

/**
 * Draws the highlights: one decoration type per kind, created once; re-analysis as the user types is debounced
 * (300 ms) and capped per editor.
 */
export class Highlighter implements vscode.Disposable {
  private readonly types = new Map<DecorationKind, vscode.TextEditorDecorationType>(DECORATION_KINDS.map((k) => [k, vscode.window.createTextEditorDecorationType(decorationOptions(k))]));
  private readonly pending = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly applied = new Map<string, Record<DecorationKind, vscode.Range[]>>();
  /** Editors whose highlights were capped: they follow the visible range as it scrolls. */
  private readonly capped = new WeakSet<vscode.TextEditor>();
  private scrollTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly drawn = new vscode.EventEmitter<vscode.Uri>();
  /** Fires after an editor's highlights were drawn (the tests wait on it). */
  readonly onDidDraw = this.drawn.event;
  private enabledOverride: boolean | null = null;
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(private readonly index: ArticleIndex, private config: CrosscheckConfig, private readonly delayMs = 300) {
    this.subscriptions.push(
      vscode.window.onDidChangeVisibleTextEditors(() => this.drawAll()),
      vscode.workspace.onDidChangeTextDocument((e) => { if (e.contentChanges.length) this.schedule(e.document); }),
      vscode.workspace.onDidOpenTextDocument((d) => this.schedule(d, 0)),
      vscode.window.onDidChangeTextEditorVisibleRanges((e) => {
        if (!this.capped.has(e.textEditor)) return;
        clearTimeout(this.scrollTimer);
        this.scrollTimer = setTimeout(() => this.draw(e.textEditor), 100);
      }),
      index.onDidChange((ids) => {
        const set = new Set(ids);
        for (const ed of vscode.window.visibleTextEditors) if (set.has(ed.document.uri.toString())) this.draw(ed);
      }),
    );
  }

  get enabled(): boolean {
    return this.enabledOverride ?? this.config.highlightsEnabled;
  }

  /** Toggle Highlights: flips them for this session, over the setting. */
  toggle(): boolean {
    this.enabledOverride = !this.enabled;
    this.drawAll();
    return this.enabled;
  }

  setConfig(config: CrosscheckConfig): void {
    this.config = config;
    this.enabledOverride = null;
    this.drawAll();
  }

  /** The ranges last drawn in an editor showing `uri`, per kind. */
  rangesFor(uri: vscode.Uri): Record<DecorationKind, vscode.Range[]> | undefined {
    return this.applied.get(uri.toString());
  }

  /** Analyses and draws every visible editor now. */
  drawAll(): void {
    for (const ed of vscode.window.visibleTextEditors) {
      if (this.index.isArticle(ed.document)) this.index.updateDocument(ed.document);
      this.draw(ed);
    }
  }

  private schedule(document: vscode.TextDocument, delay = this.delayMs): void {
    if (!this.index.isArticle(document)) return;
    const key = document.uri.toString();
    clearTimeout(this.pending.get(key));
    this.pending.set(key, setTimeout(() => {
      this.pending.delete(key);
      if (document.isClosed) { this.index.remove(key); return; }
      this.index.updateDocument(document); // fires onDidChange → draw when the analysis changed
      for (const ed of vscode.window.visibleTextEditors) if (ed.document === document && !this.applied.has(key)) this.draw(ed);
    }, delay));
  }

  private draw(editor: vscode.TextEditor): void {
    const doc = editor.document;
    const key = doc.uri.toString();
    const analysed = this.enabled ? this.index.get(key) : undefined;
    // an edit after the analysis: wait for the debounced re-analysis rather than drawing stale offsets
    if (analysed && analysed.text !== doc.getText()) return;
    // over the cap (a very long file), the highlights follow what is on screen
    const visible = editor.visibleRanges;
    const focus = visible.length ? { start: doc.offsetAt(visible[0]!.start), end: doc.offsetAt(visible[visible.length - 1]!.end) } : undefined;
    const spans = analysed ? highlightSpans(analysed.analysis, this.config.kinds, this.config.maxDecorationsPerEditor, focus, this.config.highlightConditionals) : undefined;
    const drawnCount = spans ? DECORATION_KINDS.reduce((n, k) => n + spans[k].length, 0) : 0;
    if (drawnCount >= this.config.maxDecorationsPerEditor) this.capped.add(editor); // there may be more off screen
    else this.capped.delete(editor);
    const ranges = {} as Record<DecorationKind, vscode.Range[]>;
    for (const kind of DECORATION_KINDS) {
      ranges[kind] = (spans?.[kind] ?? []).map((s) => new vscode.Range(doc.positionAt(s.start), doc.positionAt(s.end)));
      editor.setDecorations(this.types.get(kind)!, ranges[kind]);
    }
    this.applied.set(key, ranges);
    this.drawn.fire(doc.uri);
  }

  dispose(): void {
    for (const t of this.pending.values()) clearTimeout(t);
    clearTimeout(this.scrollTimer);
    for (const t of this.types.values()) t.dispose();
    this.drawn.dispose();
    for (const s of this.subscriptions) s.dispose();
  }
}
