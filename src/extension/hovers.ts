import * as vscode from 'vscode';
import type { AnalyzedDocument } from '../core/index';
import { describeSourcing } from '../core/report/profile';
import type { ArticleIndex } from './articleIndex';
import { HOVER_COMMANDS } from './contributions';
import { claimOfAttribution, clusterOfClaim, fileName, findAt, mentionsByDocument, otherClaims, workspaceEntityOf } from './lookup';

const RELATION = { agree: 'agree', discrepancy: 'differ', contradiction: 'contradict' } as const;
/** Said instead of cross-article facts while the worker has not yet cross-referenced this version of the article. */
const PENDING = '_Cross-referencing the latest changes…_';
const SOURCE_KIND = { 'named-person': 'named person', 'named-organization': 'named organisation', unnamed: 'unnamed source', other: 'other source' } as const;

/** A command link; its label is never article text (only file names and counts). */
const link = (label: string, command: string, args: unknown[]): string =>
  `[${label.replace(/[\\`*_[\]<>()#|]/g, '\\$&')}](command:${command}?${encodeURIComponent(JSON.stringify(args))})`;

/**
 * Article text into a hover as plain text: each word through `appendText` (which escapes Markdown), joined by plain
 * spaces. `appendText` alone turns every space into `&nbsp;`, and the hover then wraps long quotes mid-word
 * ("familiar wit|h the issue").
 */
function appendPlain(md: vscode.MarkdownString, text: string): void {
  for (const part of text.split(/(\s+)/)) {
    if (!part) continue;
    if (/^\s+$/.test(part)) md.appendMarkdown(' ');
    else md.appendText(part);
  }
}

/**
 * Hovers on articles: entity (type, canonical name, spellings, articles naming it with links), attribution (source kind,
 * stance, hedges, the same claim elsewhere and its sources), claim (agree / differ / contradict, differing words).
 * Article text enters only through `appendText`.
 */
export class ArticleHoverProvider implements vscode.HoverProvider {
  constructor(private readonly index: ArticleIndex) {}

  provideHover(document: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    if (!this.index.isArticle(document)) return undefined;
    const doc = this.index.get(document.uri.toString()) ?? this.index.updateDocument(document);
    if (!doc || doc.text !== document.getText()) return undefined;
    const offset = document.offsetAt(position);
    const at = findAt(doc, offset);
    const a = doc.analysis;
    const md = new vscode.MarkdownString('', false);
    md.isTrusted = { enabledCommands: [...HOVER_COMMANDS] };
    md.supportHtml = false;
    let range: { start: number; end: number } | undefined;
    const docs = new Map(this.index.documents().map((d) => [d.id, d]));
    const ws = this.index.workspace();
    // the published cross-reference may number this article's mentions and claims as an earlier version did
    const covered = this.index.crossReferenceCovers(doc.id);

    if (at.entity !== undefined) {
      const m = a.entities[at.entity]!;
      range = m;
      const e = covered ? workspaceEntityOf(ws, doc.id, at.entity) : undefined;
      md.appendMarkdown(`**${m.type}** · `);
      appendPlain(md, e?.name ?? m.text);
      md.appendMarkdown('\n\n');
      if (!covered) md.appendMarkdown(`${PENDING}\n\n`);
      if (e && e.variants.length > 1) {
        md.appendMarkdown('Spellings seen: ');
        appendPlain(md, e.variants.join(', '));
        md.appendMarkdown('\n\n');
      }
      if (e) {
        const byDoc = mentionsByDocument(docs, e, (id) => this.index.crossReferenceCovers(id));
        md.appendMarkdown(`Named ${e.mentions.length} time${e.mentions.length === 1 ? '' : 's'} in ${byDoc.size} article${byDoc.size === 1 ? '' : 's'}: `);
        md.appendMarkdown([...byDoc].map(([id, spans]) => link(`${fileName(id)} (${spans.length})`, 'crosscheck.openLocation', [id, spans[0]!.start, spans[0]!.end])).join(' · '));
        md.appendMarkdown(` · ${link('all mentions', 'crosscheck.showMentions', [e.id])}\n\n`);
      }
    }

    if (at.attribution !== undefined) {
      const t = a.attributions[at.attribution]!;
      range ??= at.attributionPart === 'content' ? undefined : t[at.attributionPart ?? 'cue'] ?? undefined;
      if (md.value) md.appendMarkdown('---\n\n');
      md.appendMarkdown(`**Attribution** · ${SOURCE_KIND[t.sourceKind]} · stance: ${t.stance}${t.direct ? ' · direct quotation' : ''}\n\n`);
      md.appendMarkdown('Source: ');
      appendPlain(md, t.source?.text ?? '(not stated)');
      md.appendMarkdown(' · cue: ');
      appendPlain(md, t.cue.text);
      md.appendMarkdown('\n\n');
      const hedges = t.content ? a.hedges.filter((h) => h.start >= t.content!.start && h.end <= t.content!.end) : [];
      if (hedges.length) {
        md.appendMarkdown('Hedged: ');
        appendPlain(md, hedges.map((h) => h.text).join(', '));
        md.appendMarkdown('\n\n');
      }
      const claim = claimOfAttribution(doc, at.attribution);
      if (claim) this.appendClaim(md, doc, claim.id, docs);
    } else if (at.claim && (at.entity !== undefined || at.hedge !== undefined || this.isDifferingWord(doc, at.claim.id, offset))) {
      if (md.value) md.appendMarkdown('---\n\n');
      this.appendClaim(md, doc, at.claim.id, docs);
    }

    if (at.hedge !== undefined && at.attribution === undefined) {
      const h = a.hedges[at.hedge]!;
      range ??= h;
      if (md.value) md.appendMarkdown('---\n\n');
      md.appendMarkdown(`**Hedge** (${h.kind}): `);
      appendPlain(md, h.text);
    }

    if (!md.value) return undefined;
    range ??= at.claim;
    return new vscode.Hover(md, range ? new vscode.Range(document.positionAt(range.start), document.positionAt(range.end)) : undefined);
  }

  private isDifferingWord(doc: AnalyzedDocument, claimId: string, offset: number): boolean {
    if (!this.index.crossReferenceCovers(doc.id)) return false;
    const c = clusterOfClaim(this.index.workspace(), doc.id, claimId);
    return !!c?.differences.some((d) => d.spans?.some((s) => s.doc === doc.id && s.span.start <= offset && offset < s.span.end));
  }

  /** The claim's standing across articles: single-source, or the relation, differences and the other versions. */
  private appendClaim(md: vscode.MarkdownString, doc: AnalyzedDocument, claimId: string, docs: ReadonlyMap<string, AnalyzedDocument>): void {
    if (!this.index.crossReferenceCovers(doc.id)) {
      md.appendMarkdown(`**Claim** · ${PENDING}\n\n`); // not "single source": other articles may well report it
      return;
    }
    const cluster = clusterOfClaim(this.index.workspace(), doc.id, claimId);
    if (!cluster) {
      md.appendMarkdown('**Claim** · single source: no other article in the workspace reports it.\n\n');
      return;
    }
    const others = otherClaims(docs, cluster, { doc: doc.id, claim: claimId }).sort((x, y) => Number(x.doc.id === doc.id) - Number(y.doc.id === doc.id));
    const articles = new Set(others.map((o) => o.doc.id).filter((id) => id !== doc.id)).size;
    md.appendMarkdown(`**Claim** · reported by ${articles} other article${articles === 1 ? '' : 's'} · they **${RELATION[cluster.relation]}**\n\n`);
    for (const o of others) {
      md.appendMarkdown(`${link(fileName(o.doc.id), 'crosscheck.openLocation', [o.doc.id, o.claim.start, o.claim.end])}: `);
      appendPlain(md, `${o.doc.analysis.outlet ? `${o.doc.analysis.outlet}: ` : ''}“${o.claim.text}” — ${describeSourcing(o.doc, o.claim.attribution)}`);
      md.appendMarkdown('\n\n');
    }
    for (const d of cluster.differences.slice(0, 4)) {
      md.appendMarkdown(`- _${d.kind}_: `);
      appendPlain(md, d.detail);
      const words = [...new Set(d.spans?.map((s) => s.span.text).filter((w) => w && !d.detail.includes(w)) ?? [])];
      if (words.length) {
        md.appendMarkdown(' (');
        appendPlain(md, words.join(' / '));
        md.appendMarkdown(')');
      }
      md.appendMarkdown('\n');
    }
    if (cluster.differences.length) md.appendMarkdown('\n');
  }
}
