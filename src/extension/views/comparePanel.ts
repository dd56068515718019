import * as vscode from 'vscode';
import type { ArticleIndex } from '../articleIndex';
import { buildCompareState } from '../claimsModel';
import { parseFromWebview, type CompareState, type ToWebview } from '../../webview/protocol';
import { webviewHtml, webviewOptions } from './webviewHtml';

/** The side-by-side comparison of two or more articles, in an editor-area webview panel. */
export class ComparePanel implements vscode.Disposable {
  static readonly viewType = 'crosscheck.compare';
  readonly panel: vscode.WebviewPanel;
  private readonly subscriptions: vscode.Disposable[] = [];
  private readonly posted = new vscode.EventEmitter<CompareState>();
  readonly onDidPostState = this.posted.event;
  private disposed = false;

  constructor(extensionUri: vscode.Uri, private readonly index: ArticleIndex, private docs: readonly string[], private readonly reveal: (doc: string, start: number, end: number) => Thenable<unknown>, onDispose: () => void) {
    this.panel = vscode.window.createWebviewPanel(ComparePanel.viewType, this.title(), { viewColumn: vscode.ViewColumn.Active, preserveFocus: false }, { ...webviewOptions(extensionUri), retainContextWhenHidden: false });
    this.panel.iconPath = vscode.Uri.joinPath(extensionUri, 'media', 'compare.svg');
    this.panel.webview.html = webviewHtml(this.panel.webview, extensionUri, 'comparePanel', this.title());
    this.subscriptions.push(
      this.panel.webview.onDidReceiveMessage((raw: unknown) => {
        const m = parseFromWebview(raw);
        if (m?.type === 'ready') this.refresh();
        else if (m?.type === 'reveal') void this.reveal(m.doc, m.start, m.end);
      }),
      this.panel.onDidDispose(() => { this.disposed = true; onDispose(); this.dispose(); }),
    );
  }

  private title(): string {
    const names = this.docs.map((d) => this.index.get(d)?.analysis.outlet ?? decodeURIComponent(d.split('/').pop() ?? d));
    return `Compare: ${names.join(' · ')}`;
  }

  /** Compares another set of articles in the same panel. */
  show(docs: readonly string[]): void {
    this.docs = docs;
    this.panel.title = this.title();
    this.panel.reveal();
    this.refresh();
  }

  state(): CompareState {
    const docs = this.docs.flatMap((d) => this.index.get(d) ?? []);
    return buildCompareState(docs, this.index.workspace(), (id) => this.index.crossReferenceCovers(id));
  }

  refresh(): void {
    if (this.disposed) return;
    const state = this.state();
    void this.panel.webview.postMessage({ type: 'compareState', state } satisfies ToWebview).then((ok) => { if (ok) this.posted.fire(state); });
  }

  dispose(): void {
    for (const s of this.subscriptions.splice(0)) s.dispose();
    if (!this.disposed) { this.disposed = true; this.panel.dispose(); }
    this.posted.dispose();
  }
}
