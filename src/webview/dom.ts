/// <reference lib="dom" />
/** DOM helpers shared by the webview scripts. Article text is only ever set as textContent, never as HTML. */
import type { ClaimEntry, FromWebview, Mark } from './protocol';

interface VsCodeApi {
  postMessage(message: FromWebview): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

/** The channel to the extension, typed by the shared protocol. */
export const vscodeApi: VsCodeApi = acquireVsCodeApi();

type Attrs = Record<string, string | number | boolean | undefined>;

/** Creates an element: `h('span', {class: 'badge'}, 'Agree')`; strings become text nodes. */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: (Node | string | null | undefined | false)[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k.startsWith('aria-')) { if (v !== undefined) el.setAttribute(k, String(v)); } // aria states are "true"/"false"
    else if (v !== undefined && v !== false) el.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children) if (c !== null && c !== undefined && c !== false) el.append(typeof c === 'string' ? document.createTextNode(c) : c);
  return el;
}

/** A claim's text with its differing words wrapped in <mark>. */
export function markedText(text: string, marks: readonly Mark[]): DocumentFragment {
  const f = document.createDocumentFragment();
  let at = 0;
  for (const m of marks) {
    if (m.start < at || m.end > text.length || m.end <= m.start) continue;
    f.append(text.slice(at, m.start), h('mark', { title: 'differs from the other articles' }, text.slice(m.start, m.end)));
    at = m.end;
  }
  f.append(text.slice(at));
  return f;
}

export const RELATION_LABEL = { agree: 'Agree', discrepancy: 'Differ', contradiction: 'Contradict' } as const;
const SOURCE_LABEL = { 'named-person': 'named', 'named-organization': 'named', unnamed: 'unnamed', other: 'other', unattributed: 'unattributed' } as const;

/** An activatable element (click, Enter or Space) that reveals the claim in its article. */
export function claimItem(c: ClaimEntry, opts: { showOutlet: boolean }): HTMLElement {
  const who = c.outlet ? `${c.outlet} (${c.file})` : c.file;
  // the label replaces the content for screen readers, so it carries what the marks and the hedge tag show
  const differs = c.marks.map((m) => c.text.slice(m.start, m.end)).filter(Boolean);
  const label = `${who}: ${c.text}. Sourcing: ${c.sourcing}.${c.hedged ? ' Hedged.' : ''}${differs.length ? ` Differs: ${differs.join(', ')}.` : ''} Press Enter to open.`;
  const el = h('div', { class: 'claim', role: 'button', tabindex: 0, 'aria-label': label },
    opts.showOutlet ? h('div', { class: 'outlet' }, h('span', { class: 'outlet-name' }, c.outlet ?? c.file), c.outlet ? h('span', { class: 'file' }, c.file) : null) : null,
    h('div', { class: 'text' }, markedText(c.text, c.marks)),
    h('div', { class: 'sourcing' },
      h('span', { class: `kind kind-${SOURCE_LABEL[c.sourceKind]}` }, SOURCE_LABEL[c.sourceKind]),
      ' ', c.sourcing,
      c.hedged ? h('span', { class: 'hedged', title: 'contains a hedge' }, 'hedged') : null),
  );
  const open = (): void => vscodeApi.postMessage({ type: 'reveal', doc: c.doc, start: c.start, end: c.end });
  el.addEventListener('click', open);
  el.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); open(); return; }
    // arrows move between claims, across clusters (Tab does too, one claim at a time)
    const all = Array.from(document.querySelectorAll<HTMLElement>('.claim'));
    const i = all.indexOf(el);
    const to = e.key === 'ArrowDown' ? i + 1 : e.key === 'ArrowUp' ? i - 1 : e.key === 'Home' ? 0 : e.key === 'End' ? all.length - 1 : -2;
    if (to === -2) return;
    e.preventDefault();
    all[Math.max(0, Math.min(all.length - 1, to))]?.focus();
  });
  return el;
}
