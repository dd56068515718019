import * as vscode from 'vscode';
import type { AnalyzedDocument } from '../../core/index';
import { sourcingProfile } from '../../core/report/profile';
import { documentLabel } from '../../core/report/render';
import type { ArticleIndex } from '../articleIndex';

type Group = 'named' | 'unnamed' | 'unattributed';

/** Sources tree nodes: article → named / unnamed / unattributed → attribution or claim. */
export type SourceNode =
  | { readonly kind: 'article'; readonly doc: string }
  | { readonly kind: 'group'; readonly doc: string; readonly group: Group }
  | { readonly kind: 'item'; readonly doc: string; readonly label: string; readonly detail: string; readonly start: number; readonly end: number };

const GROUP_LABEL: Record<Group, string> = { named: 'Named sources', unnamed: 'Unnamed sources', unattributed: 'Unattributed claims' };
const GROUP_ICON: Record<Group, string> = { named: 'pass', unnamed: 'question', unattributed: 'circle-slash' };

/** The Sources view: per article, how its claims are sourced. */
export class SourcesTreeProvider implements vscode.TreeDataProvider<SourceNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<SourceNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;

  constructor(private readonly index: ArticleIndex) {}

  refresh(): void {
    this.changed.fire(undefined);
  }

  private items(doc: AnalyzedDocument, group: Group): SourceNode[] {
    const a = doc.analysis;
    if (group === 'unattributed') {
      return a.claims.filter((c) => c.attribution === null || !a.attributions[c.attribution])
        .map((c) => ({ kind: 'item', doc: doc.id, label: c.text, detail: '', start: c.start, end: c.end }));
    }
    return a.attributions
      .filter((t) => (group === 'unnamed') === (t.sourceKind === 'unnamed'))
      .map((t) => ({ kind: 'item', doc: doc.id, label: t.source?.text ?? `(${t.cue.text})`, detail: `${t.cue.text} · ${t.stance}`, start: (t.source ?? t.cue).start, end: (t.source ?? t.cue).end }));
  }

  getChildren(node?: SourceNode): SourceNode[] {
    if (!node) return this.index.documents().sort((a, b) => documentLabel(a).localeCompare(documentLabel(b))).map((d) => ({ kind: 'article', doc: d.id }));
    const doc = this.index.get(node.doc);
    if (!doc) return [];
    if (node.kind === 'article') return (['named', 'unnamed', 'unattributed'] as const).map((group) => ({ kind: 'group', doc: node.doc, group }));
    if (node.kind === 'group') return this.items(doc, node.group);
    return [];
  }

  getTreeItem(node: SourceNode): vscode.TreeItem {
    const doc = this.index.get(node.doc);
    if (node.kind === 'article') {
      const item = new vscode.TreeItem(doc ? documentLabel(doc) : node.doc, vscode.TreeItemCollapsibleState.Collapsed);
      item.id = `article:${node.doc}`;
      item.resourceUri = vscode.Uri.parse(node.doc);
      if (doc) {
        const p = sourcingProfile(doc, this.index.workspace());
        item.description = `${p.named} named · ${p.unnamed} unnamed · ${p.unattributed} unattributed`;
        // (Until the cross-reference covers this version of the article, its claim numbers may be the last version's.)
        const elsewhere = this.index.crossReferenceCovers(doc.id) ? `${p.corroborated} reported elsewhere too` : 'those reported elsewhere too are counted once the latest changes are cross-referenced';
        item.tooltip = `${p.claims} claims: ${p.named} from named sources, ${p.unnamed} from unnamed sources, ${p.unattributed} unattributed; ${elsewhere}.`;
        item.accessibilityInformation = { label: `${item.label as string}: ${item.tooltip}` };
      }
      item.iconPath = vscode.ThemeIcon.File;
      item.contextValue = 'article';
      return item;
    }
    if (node.kind === 'group') {
      const n = doc ? this.items(doc, node.group).length : 0;
      const item = new vscode.TreeItem(GROUP_LABEL[node.group], n ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None);
      item.id = `group:${node.doc}:${node.group}`;
      item.description = String(n);
      item.iconPath = new vscode.ThemeIcon(GROUP_ICON[node.group]);
      return item;
    }
    const item = new vscode.TreeItem(node.label.length > 120 ? node.label.slice(0, 119) + '…' : node.label, vscode.TreeItemCollapsibleState.None);
    item.description = node.detail;
    item.tooltip = node.label;
    item.command = { command: 'crosscheck.openLocation', title: 'Go to source', arguments: [node.doc, node.start, node.end] };
    return item;
  }

  dispose(): void {
    this.changed.dispose();
  }
}
