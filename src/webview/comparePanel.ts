/// <reference lib="dom" />
/** The comparison panel: two or more articles side by side, one row per claim they share, then what each says alone. */
import { claimItem, h, RELATION_LABEL, vscodeApi } from './dom';
import { parseToWebview, type CompareState } from './protocol';

const root = document.getElementById('root')!;

function render(state: CompareState): void {
  root.replaceChildren();
  root.setAttribute('aria-busy', 'false');
  const n = state.articles.length;
  root.style.setProperty('--columns', String(n));
  const grid = h('div', { class: 'grid', role: 'table', 'aria-label': `Claims of ${n} articles side by side`, 'aria-colcount': n });
  grid.append(h('div', { class: 'row head', role: 'row' }, ...state.articles.map((a) =>
    h('div', { class: 'cell article', role: 'columnheader' },
      h('div', { class: 'outlet-name' }, a.outlet ?? a.file),
      h('div', { class: 'file' }, [a.file, a.published].filter(Boolean).join(' · ')),
      a.title ? h('div', { class: 'title' }, a.title) : null,
      a.waiting ? h('p', { class: 'pending' }, 'Cross-referencing… its claims are shown once its latest edits are.') : null))));
  const empty = (i: number, text: string): HTMLElement => h('p', { class: 'absent' }, state.articles[i]?.waiting ? '…' : text);
  if (!state.rows.length) grid.append(h('div', { class: 'row', role: 'row' }, h('div', { class: 'cell span', role: 'cell' }, h('p', { class: 'empty' }, 'These articles share no claim.'))));
  for (const r of state.rows) {
    if (r.cluster) {
      grid.append(h('div', { class: `row band ${r.cluster.relation}`, role: 'row' }, h('div', { class: 'cell span', role: 'cell' },
        h('span', { class: `badge ${r.cluster.relation}` }, RELATION_LABEL[r.cluster.relation]),
        ...r.cluster.differences.map((d) => h('span', { class: 'difference' }, h('b', {}, d.kind), ' ', d.detail)))));
    }
    grid.append(h('div', { class: 'row', role: 'row' }, ...r.cells.map((cell, i) =>
      h('div', { class: 'cell', role: 'cell' }, ...(cell.length ? cell.map((c) => claimItem(c, { showOutlet: false })) : [empty(i, 'not reported')])))));
  }
  grid.append(h('div', { class: 'row band', role: 'row' }, h('div', { class: 'cell span', role: 'cell' }, h('span', { class: 'badge single' }, 'Only in this article'))));
  grid.append(h('div', { class: 'row', role: 'row' }, ...state.only.map((claims, i) =>
    h('div', { class: 'cell', role: 'cell' }, ...(claims.length ? claims.map((c) => claimItem(c, { showOutlet: false })) : [empty(i, 'nothing else')])))));
  root.append(grid);
}

window.addEventListener('message', (e: MessageEvent) => {
  const m = parseToWebview(e.data);
  if (m?.type === 'compareState') render(m.state);
});
vscodeApi.postMessage({ type: 'ready' });
