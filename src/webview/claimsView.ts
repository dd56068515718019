/// <reference lib="dom" />
/** The Claims view: claim clusters across articles with relation badges, outlets, sourcing and the differing words. */
import { claimItem, h, RELATION_LABEL, vscodeApi } from './dom';
import { CLAIMS_FILTERS, parseToWebview, type ClaimsFilter, type ClaimsState, type ClusterEntry } from './protocol';

const FILTER_LABEL: Record<ClaimsFilter, string> = { all: 'All', contradictions: 'Contradictions', differences: 'Differences', 'single-source': 'Single source' };
const root = document.getElementById('root')!;

function filterBar(state: ClaimsState): HTMLElement {
  const bar = h('div', { class: 'filters', role: 'radiogroup', 'aria-label': 'Show' });
  CLAIMS_FILTERS.forEach((f, i) => {
    const on = state.filter === f;
    const b = h('button', { role: 'radio', 'aria-checked': on, tabindex: on ? 0 : -1, class: on ? 'on' : '', 'data-filter': f }, FILTER_LABEL[f]);
    b.addEventListener('click', () => vscodeApi.postMessage({ type: 'setFilter', filter: f }));
    b.addEventListener('keydown', (e) => {
      const step = e.key === 'ArrowRight' || e.key === 'ArrowDown' ? 1 : e.key === 'ArrowLeft' || e.key === 'ArrowUp' ? -1 : 0;
      if (!step) return;
      e.preventDefault();
      const next = CLAIMS_FILTERS[(i + step + CLAIMS_FILTERS.length) % CLAIMS_FILTERS.length]!;
      vscodeApi.postMessage({ type: 'setFilter', filter: next });
    });
    bar.append(b);
  });
  return bar;
}

function cluster(c: ClusterEntry): HTMLElement {
  const outlets = [...new Set(c.claims.map((x) => x.outlet ?? x.file))];
  return h('section', { class: `cluster ${c.relation}`, 'aria-label': `${RELATION_LABEL[c.relation]}: ${outlets.join(', ')}`, 'data-cluster': c.id },
    h('header', {},
      h('span', { class: `badge ${c.relation}` }, RELATION_LABEL[c.relation]),
      h('span', { class: 'outlets' }, outlets.join(' · '))),
    ...c.claims.map((x) => claimItem(x, { showOutlet: true })),
    c.differences.length ? h('ul', { class: 'differences', 'aria-label': 'Differences' }, ...c.differences.map((d) => h('li', {}, h('b', {}, d.kind), ' ', d.detail))) : null,
  );
}

function render(state: ClaimsState): void {
  root.replaceChildren();
  root.setAttribute('aria-busy', state.crossReferencing ? 'true' : 'false');
  const contradictions = state.clusters.filter((c) => c.relation === 'contradiction').length;
  const differ = state.clusters.filter((c) => c.relation === 'discrepancy').length;
  root.append(h('p', { class: 'summary', role: 'status' },
    `${state.articles} article${state.articles === 1 ? '' : 's'} · ${state.clusters.length} shared claim${state.clusters.length === 1 ? '' : 's'} · ${contradictions} contradiction${contradictions === 1 ? '' : 's'} · ${differ} differ · ${state.singlesTotal} single-source`));
  if (state.waiting) root.append(h('p', { class: 'pending' }, `Cross-referencing… the claims of ${state.waiting === 1 ? 'an article' : `${state.waiting} articles`} edited since are shown once it is done.`));
  else if (state.crossReferencing) root.append(h('p', { class: 'pending' }, 'Cross-referencing… the claims shown are from before the latest changes.'));
  root.append(filterBar(state));
  if (state.articles < 2) {
    const b = h('button', { class: 'primary' }, 'Cross-reference Workspace');
    b.addEventListener('click', () => vscodeApi.postMessage({ type: 'runCommand', command: 'crosscheck.crossReferenceWorkspace' }));
    root.append(h('p', { class: 'empty' }, 'Claims are compared across two or more articles. Open articles or read the whole workspace.'), b);
    if (state.articles === 0) return;
  }
  const shown = state.filter === 'single-source' ? [] : state.clusters.filter((c) =>
    state.filter === 'contradictions' ? c.relation === 'contradiction' : state.filter === 'differences' ? c.relation !== 'agree' : true);
  if (state.filter !== 'single-source') {
    const list = h('div', { class: 'clusters', role: 'list', 'aria-label': 'Claims reported by more than one article' });
    for (const c of shown) { const s = cluster(c); s.setAttribute('role', 'listitem'); list.append(s); }
    if (!shown.length) list.append(h('p', { class: 'empty' }, state.filter === 'all' ? 'No claim is reported by more than one article yet.' : `No ${FILTER_LABEL[state.filter].toLowerCase()}.`));
    root.append(list);
  }
  if (state.filter === 'all' || state.filter === 'single-source') {
    const sec = h('section', { class: 'singles', 'aria-label': 'Single-source claims' }, h('h2', {}, `Single source (${state.singlesTotal})`));
    let last = '';
    for (const c of state.singles) {
      if (c.doc !== last) { sec.append(h('h3', {}, c.outlet ? `${c.outlet} · ${c.file}` : c.file)); last = c.doc; }
      sec.append(claimItem(c, { showOutlet: false }));
    }
    if (state.singles.length < state.singlesTotal) sec.append(h('p', { class: 'empty' }, `…and ${state.singlesTotal - state.singles.length} more.`));
    root.append(sec);
  }
}

window.addEventListener('message', (e: MessageEvent) => {
  const m = parseToWebview(e.data);
  if (m?.type === 'claimsState') {
    const hadFocus = document.activeElement?.getAttribute('data-filter');
    render(m.state);
    if (hadFocus) (root.querySelector(`[data-filter="${m.state.filter}"]`) as HTMLElement | null)?.focus();
  }
});
vscodeApi.postMessage({ type: 'ready' });
