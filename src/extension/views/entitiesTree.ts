import * as vscode from 'vscode';
import type { AnalyzedDocument, WorkspaceEntity } from '../../core/index';
import type { ArticleIndex } from '../articleIndex';
import { entityMentions, fileName, type EntityMentionAt } from '../lookup';

const VALUE_TYPES = new Set(['DATE', 'TIME', 'NUMBER', 'MONEY', 'PERCENT', 'QUANTITY']);
const ICON: Record<string, string> = { PERSON: 'person', ORG: 'organization', GPE: 'globe', LOC: 'location', FAC: 'home', NORP: 'symbol-enum', EVENT: 'calendar', MISC: 'symbol-misc' };

/** Entities tree nodes: canonical entity → spelling → article → mention. */
export type EntityNode =
  | { readonly kind: 'entity'; readonly entity: WorkspaceEntity }
  | { readonly kind: 'spelling'; readonly entity: WorkspaceEntity; readonly spelling: string }
  | { readonly kind: 'file'; readonly entity: WorkspaceEntity; readonly spelling: string; readonly doc: string }
  | { readonly kind: 'mention'; readonly doc: string; readonly start: number; readonly end: number; readonly line: number; readonly context: string };

/** The Entities view: every named entity of the workspace with the spellings it goes by and where each appears. */
export class EntitiesTreeProvider implements vscode.TreeDataProvider<EntityNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<EntityNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;

  constructor(private readonly index: ArticleIndex) {}

  refresh(): void {
    this.changed.fire(undefined);
  }

  private docs(): Map<string, AnalyzedDocument> {
    return new Map(this.index.documents().map((d) => [d.id, d]));
  }

  private mentionsOf(entity: WorkspaceEntity, spelling?: string): EntityMentionAt[] {
    const mentions = entityMentions(this.docs(), entity, (id) => this.index.crossReferenceCovers(id));
    return spelling === undefined ? mentions : mentions.filter((m) => m.text === spelling);
  }

  getChildren(node?: EntityNode): EntityNode[] {
    if (!node) {
      return this.index.workspace().entities
        .filter((e) => !VALUE_TYPES.has(e.type))
        .sort((a, b) => b.mentions.length - a.mentions.length || a.name.localeCompare(b.name))
        .map((entity) => ({ kind: 'entity', entity }));
    }
    if (node.kind === 'entity') {
      const spellings = [...new Set(this.mentionsOf(node.entity).map((m) => m.text))];
      return spellings.map((spelling) => ({ kind: 'spelling', entity: node.entity, spelling }));
    }
    if (node.kind === 'spelling') {
      const docs = [...new Set(this.mentionsOf(node.entity, node.spelling).map((m) => m.doc.id))];
      return docs.map((doc) => ({ kind: 'file', entity: node.entity, spelling: node.spelling, doc }));
    }
    if (node.kind === 'file') {
      return this.mentionsOf(node.entity, node.spelling).filter((m) => m.doc.id === node.doc).map((m) => {
        const lineStart = m.doc.text.lastIndexOf('\n', m.start - 1) + 1;
        const line = (m.doc.text.slice(0, m.start).match(/\n/g) ?? []).length;
        const from = Math.max(lineStart, m.start - 40);
        const context = (from > lineStart ? '…' : '') + m.doc.text.slice(from, Math.min(m.doc.text.length, m.end + 40)).split('\n')[0]!.trim();
        return { kind: 'mention', doc: node.doc, start: m.start, end: m.end, line, context };
      });
    }
    return [];
  }

  getTreeItem(node: EntityNode): vscode.TreeItem {
    switch (node.kind) {
      case 'entity': {
        const files = new Set(node.entity.mentions.map((m) => m.doc)).size;
        const item = new vscode.TreeItem(node.entity.name, vscode.TreeItemCollapsibleState.Collapsed);
        item.id = `entity:${node.entity.id}:${node.entity.name}`;
        item.description = `${node.entity.type} · ${node.entity.mentions.length} mention${node.entity.mentions.length === 1 ? '' : 's'} · ${files} article${files === 1 ? '' : 's'}`;
        item.iconPath = new vscode.ThemeIcon(ICON[node.entity.type] ?? 'symbol-misc');
        item.contextValue = 'entity';
        item.tooltip = `${node.entity.name} (${node.entity.type}), also written: ${node.entity.variants.join(', ')}`;
        item.accessibilityInformation = { label: `${node.entity.name}, ${item.description}` };
        return item;
      }
      case 'spelling': {
        const n = this.mentionsOf(node.entity, node.spelling).length;
        const item = new vscode.TreeItem(node.spelling, vscode.TreeItemCollapsibleState.Collapsed);
        item.id = `spelling:${node.entity.id}:${node.spelling}`;
        item.description = `${n} mention${n === 1 ? '' : 's'}`;
        item.iconPath = new vscode.ThemeIcon('symbol-text');
        item.contextValue = 'spelling';
        return item;
      }
      case 'file': {
        const item = new vscode.TreeItem(vscode.Uri.parse(node.doc), vscode.TreeItemCollapsibleState.Expanded);
        item.id = `file:${node.entity.id}:${node.spelling}:${node.doc}`;
        item.label = fileName(node.doc);
        item.description = vscode.workspace.asRelativePath(vscode.Uri.parse(node.doc), true);
        item.iconPath = vscode.ThemeIcon.File;
        return item;
      }
      case 'mention': {
        const item = new vscode.TreeItem(node.context, vscode.TreeItemCollapsibleState.None);
        item.description = `line ${node.line + 1}`;
        item.command = { command: 'crosscheck.openLocation', title: 'Go to mention', arguments: [node.doc, node.start, node.end] };
        return item;
      }
    }
  }

  dispose(): void {
    this.changed.dispose();
  }
}
