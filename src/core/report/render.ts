import type { AnalyzedDocument, WorkspaceAnalysis } from '../types';
import { describeSourcing, resolveClaim, sourcingProfile } from './profile';

const RELATION_LABEL = { agree: 'Agree', discrepancy: 'Differ', contradiction: 'Contradict' } as const;

/** Names a document by its outlet and file, e.g. "Shafaq News (000_36d3.txt)". */
export function documentLabel(doc: AnalyzedDocument): string {
  const file = doc.id.split(/[\\/]/).pop() ?? doc.id;
  return doc.analysis.outlet ? `${doc.analysis.outlet} (${file})` : file;
}

interface ReportModel {
  readonly docs: readonly AnalyzedDocument[];
  readonly byId: ReadonlyMap<string, AnalyzedDocument>;
  readonly ws: WorkspaceAnalysis;
}

const model = (docs: readonly AnalyzedDocument[], ws: WorkspaceAnalysis): ReportModel => ({ docs, ws, byId: new Map(docs.map((d) => [d.id, d])) });

function singleSourceClaims(m: ReportModel) {
  return m.docs.flatMap((d) => d.analysis.claims.filter((c) => !m.ws.clusterOf.has(`${d.id}#${c.id}`)).map((c) => ({ doc: d, claim: c })));
}

const mdEscape = (s: string): string => s.replace(/([\\`*_[\]<>|#])/g, '\\$1').replace(/\s+/g, ' ');

/** The cross-reference as a Markdown report: claims across outlets, entities with spellings, sourcing per article. */
export function renderMarkdownReport(docs: readonly AnalyzedDocument[], ws: WorkspaceAnalysis): string {
  const m = model(docs, ws);
  const out: string[] = ['# Crosscheck report', '', `${docs.length} article(s), ${ws.clusters.length} claim(s) reported by more than one, ${ws.entities.length} entities.`, ''];
  out.push('## Claims across articles', '');
  if (!ws.clusters.length) out.push('_No claim is reported by more than one article._', '');
  for (const c of ws.clusters) {
    out.push(`### ${RELATION_LABEL[c.relation]}`, '');
    for (const ref of c.claims) {
      const r = resolveClaim(m.byId, ref);
      if (r) out.push(`- **${mdEscape(documentLabel(r.doc))}**: “${mdEscape(r.claim.text)}” — ${mdEscape(describeSourcing(r.doc, r.claim.attribution))}`);
    }
    for (const d of c.differences) out.push(`- _${d.kind}_: ${mdEscape(d.detail)}`);
    out.push('');
  }
  const singles = singleSourceClaims(m);
  out.push('## Single-source claims', '');
  for (const { doc, claim } of singles) out.push(`- **${mdEscape(documentLabel(doc))}**: “${mdEscape(claim.text)}” — ${mdEscape(describeSourcing(doc, claim.attribution))}`);
  out.push('', '## Entities', '', '| entity | type | spellings | mentions |', '|---|---|---|---|');
  for (const e of ws.entities.filter((x) => !['DATE', 'TIME', 'NUMBER', 'MONEY', 'PERCENT', 'QUANTITY'].includes(x.type))) {
    out.push(`| ${mdEscape(e.name)} | ${e.type} | ${e.variants.map(mdEscape).join(', ')} | ${e.mentions.length} |`);
  }
  out.push('', '## Sourcing per article', '', '| article | claims | named | unnamed | unattributed | found elsewhere |', '|---|---|---|---|---|---|');
  for (const d of docs) {
    const p = sourcingProfile(d, ws);
    out.push(`| ${mdEscape(documentLabel(d))} | ${p.claims} | ${p.named} | ${p.unnamed} | ${p.unattributed} | ${p.corroborated} |`);
  }
  return out.join('\n') + '\n';
}

/** Escapes article text for HTML: it is always text, never markup. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!);
}

/** The same report as a self-contained HTML page (no scripts, no remote resources). */
export function renderHtmlReport(docs: readonly AnalyzedDocument[], ws: WorkspaceAnalysis): string {
  const m = model(docs, ws);
  const h = escapeHtml;
  const parts: string[] = [];
  parts.push(`<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'"><title>Crosscheck report</title><style>
body{font:15px/1.5 system-ui,sans-serif;max-width:980px;margin:2em auto;padding:0 1em;color:#1b1b1b;background:#fff}
h1,h2{font-weight:600}.cluster{border:1px solid #ccc;border-radius:6px;padding:.6em 1em;margin:1em 0}
.badge{display:inline-block;padding:0 .5em;border-radius:4px;font-size:.85em;color:#fff}.agree{background:#2e7d32}.discrepancy{background:#b26a00}.contradiction{background:#c62828}
.outlet{font-weight:600}.src{color:#555;font-size:.9em}.diff{margin:.2em 0;color:#333}.diff b{text-transform:uppercase;font-size:.8em}
table{border-collapse:collapse;width:100%}td,th{border-bottom:1px solid #ddd;padding:.3em .5em;text-align:left;vertical-align:top}
.bar{display:flex;height:12px;width:220px;border-radius:3px;overflow:hidden;background:#eee}.bar span{display:block;height:100%}
.named{background:#1565c0}.unnamed{background:#ef6c00}.unattributed{background:#9e9e9e}
@media (prefers-color-scheme: dark){body{background:#1e1e1e;color:#ddd}.src,.diff{color:#bbb}.cluster{border-color:#444}td,th{border-color:#444}}
</style></head><body>`);
  parts.push(`<h1>Crosscheck report</h1><p>${docs.length} article(s), ${ws.clusters.length} claim(s) reported by more than one, ${ws.entities.length} entities.</p>`);
  parts.push('<h2>Claims across articles</h2>');
  if (!ws.clusters.length) parts.push('<p><em>No claim is reported by more than one article.</em></p>');
  for (const c of ws.clusters) {
    parts.push(`<section class="cluster" aria-label="${h(RELATION_LABEL[c.relation])}"><span class="badge ${c.relation}">${h(RELATION_LABEL[c.relation])}</span><ul>`);
    for (const ref of c.claims) {
      const r = resolveClaim(m.byId, ref);
      if (r) parts.push(`<li><span class="outlet">${h(documentLabel(r.doc))}</span>: “${h(r.claim.text)}” <span class="src">— ${h(describeSourcing(r.doc, r.claim.attribution))}</span></li>`);
    }
    parts.push('</ul>');
    for (const d of c.differences) parts.push(`<p class="diff"><b>${h(d.kind)}</b> ${h(d.detail)}</p>`);
    parts.push('</section>');
  }
  parts.push('<h2>Single-source claims</h2><ul>');
  for (const { doc, claim } of singleSourceClaims(m)) parts.push(`<li><span class="outlet">${h(documentLabel(doc))}</span>: “${h(claim.text)}” <span class="src">— ${h(describeSourcing(doc, claim.attribution))}</span></li>`);
  parts.push('</ul><h2>Entities</h2><table><thead><tr><th>entity</th><th>type</th><th>spellings</th><th>mentions</th></tr></thead><tbody>');
  for (const e of ws.entities.filter((x) => !['DATE', 'TIME', 'NUMBER', 'MONEY', 'PERCENT', 'QUANTITY'].includes(x.type))) {
    parts.push(`<tr><td>${h(e.name)}</td><td>${e.type}</td><td>${e.variants.map(h).join(', ')}</td><td>${e.mentions.length}</td></tr>`);
  }
  parts.push('</tbody></table><h2>Sourcing per article</h2><table><thead><tr><th>article</th><th>claims</th><th>named</th><th>unnamed</th><th>unattributed</th><th>found elsewhere</th><th>profile</th></tr></thead><tbody>');
  for (const d of docs) {
    const p = sourcingProfile(d, ws);
    const w = (n: number): string => (p.claims ? ((100 * n) / p.claims).toFixed(1) : '0');
    parts.push(`<tr><td>${h(documentLabel(d))}</td><td>${p.claims}</td><td>${p.named}</td><td>${p.unnamed}</td><td>${p.unattributed}</td><td>${p.corroborated}</td><td><div class="bar" role="img" aria-label="${p.named} named, ${p.unnamed} unnamed, ${p.unattributed} unattributed"><span class="named" style="width:${w(p.named)}%"></span><span class="unnamed" style="width:${w(p.unnamed)}%"></span><span class="unattributed" style="width:${w(p.unattributed)}%"></span></div></td></tr>`);
  }
  parts.push('</tbody></table></body></html>');
  return parts.join('\n');
}
