import * as vscode from 'vscode';
import type { ArticleIndex } from '../articleIndex';
import { buildClaimsState } from '../claimsModel';
import { parseFromWebview, type ClaimsFilter, type ClaimsState, type FromWebview, type ToWebview } from '../../webview/protocol';
import { webviewHtml, webviewOptions } from './webviewHtml';

/** The Claims view: a webview that lists claim clusters across articles; it asks for state with `ready`. */
export class ClaimsViewProvider implements vscode.WebviewViewProvider, vscode.Disposable {
  private view: vscode.WebviewView | undefined;
  private filter: ClaimsFilter = 'all';
  private readonly posted = new vscode.EventEmitter<ClaimsState>();
  /** Fires with every snapshot sent to the webview (the tests wait on it). */
  readonly onDidPostState = this.posted.event;
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(private readonly extensionUri: vscode.Uri, private readonly index: ArticleIndex, private readonly reveal: (doc: string, start: number, end: number) => Thenable<unknown>) {}

  /** The snapshot the view shows now. */
  state(): ClaimsState {
    const active = vscode.window.activeTextEditor?.document.uri.toString() ?? null;
    const state = buildClaimsState(this.index.documents(), this.index.workspace(), this.filter, active && this.index.get(active) ? active : null, (id) => this.index.crossReferenceCovers(id));
    return this.index.crossReferencing ? { ...state, crossReferencing: true } : state;
  }

  setFilter(filter: ClaimsFilter): void {
    this.filter = filter;
    this.refresh();
  }

  get isVisible(): boolean {
    return !!this.view?.visible;
  }

  resolveWebviewView(view: vscode.WebviewView): void {
    this.view = view;
    view.webview.options = webviewOptions(this.extensionUri);
    view.webview.html = webviewHtml(view.webview, this.extensionUri, 'claimsView', 'Claims');
    this.subscriptions.push(
      view.webview.onDidReceiveMessage((raw: unknown) => this.receive(parseFromWebview(raw))),
      view.onDidChangeVisibility(() => { if (view.visible) this.refresh(); }),
      view.onDidDispose(() => { this.view = undefined; }),
    );
  }

  /** Sends a fresh snapshot when the view is showing. */
  refresh(): void {
    if (!this.view?.visible) return;
    const state = this.state();
    void this.view.webview.postMessage({ type: 'claimsState', state } satisfies ToWebview).then((ok) => { if (ok) this.posted.fire(state); });
  }

  private receive(m: FromWebview | null): void {
    if (!m) return;
    switch (m.type) {
      case 'ready': this.refresh(); break;
      case 'setFilter': this.filter = m.filter; this.refresh(); break;
      case 'reveal': void this.reveal(m.doc, m.start, m.end); break;
      case 'runCommand': void vscode.commands.executeCommand(m.command); break;
    }
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
    this.posted.dispose();
  }
}
