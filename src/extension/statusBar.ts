import * as vscode from 'vscode';
import { sourcingProfile } from '../core/report/profile';
import type { ArticleIndex } from './articleIndex';

/** The active article's sourcing at a glance: claims, unnamed-source share, claims found elsewhere; opens the sidebar. */
export class SourcingStatusBar implements vscode.Disposable {
  readonly item = vscode.window.createStatusBarItem('crosscheck.sourcing', vscode.StatusBarAlignment.Right, 100);

  constructor(private readonly index: ArticleIndex) {
    this.item.name = 'Crosscheck: article sourcing';
    this.item.command = { command: 'workbench.view.extension.crosscheck', title: 'Open the Crosscheck sidebar' };
  }

  update(): void {
    const editor = vscode.window.activeTextEditor;
    const id = editor?.document.uri.toString();
    const doc = id ? this.index.get(id) : undefined;
    if (!editor || !doc) {
      const reason = id ? this.index.skippedReason(id) : undefined;
      if (reason && editor && this.index.isArticle(editor.document)) {
        this.item.text = '$(warning) Crosscheck: not analysed';
        this.item.tooltip = `This article was not analysed: ${reason}.`;
        this.item.accessibilityInformation = { label: `Crosscheck: this article was not analysed, ${reason}` };
        this.item.show();
      } else this.item.hide();
      return;
    }
    const p = sourcingProfile(doc, this.index.workspace());
    const pct = Math.round(p.unnamedShare * 100);
    const busy = this.index.crossReferencing;
    // Until the cross-reference covers this version of the article, its claim numbers may be the last version's.
    const counted = this.index.crossReferenceCovers(doc.id);
    this.item.text = `$(checklist) ${p.claims} claims · ${pct}% unnamed · ${counted ? p.corroborated : '…'} elsewhere${busy ? ' $(sync~spin)' : ''}`;
    const elsewhere = counted ? `${p.corroborated} claims are reported by other articles too` : 'the claims other articles report too are counted once the latest changes are cross-referenced';
    this.item.tooltip = `${p.claims} claims in this article: ${p.named} from named sources, ${p.unnamed} from unnamed sources, ${p.unattributed} unattributed.\n${pct}% of the attributed claims rest on unnamed sources; ${elsewhere}${busy && counted ? ' (cross-referencing the latest changes…)' : ''}.\nClick to open the Crosscheck sidebar.`;
    this.item.accessibilityInformation = { label: `Crosscheck: ${p.claims} claims, ${pct} percent from unnamed sources, ${counted ? `${p.corroborated} found in other articles` : 'found in other articles: being counted'}` };
    this.item.show();
  }

  dispose(): void {
    this.item.dispose();
  }
}
