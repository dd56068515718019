import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { CrosscheckApi } from '../../../src/extension/extension';
import { highlightSpans } from '../../../src/extension/highlightSpans';
import { DECORATION_KINDS } from '../../../src/extension/contributions';
import { LIVE_ON_HOST_LIMIT } from '../../../src/extension/articleIndex';
import { parseAliasFile } from '../../../src/core/crossref/aliases';
import type { AliasFile } from '../../../src/core/index';
import { AliasStore } from '../../../src/extension/aliasStore';
import { sourcingProfile } from '../../../src/core/report/profile';
import type { EntityNode } from '../../../src/extension/views/entitiesTree';
import type { SourceNode } from '../../../src/extension/views/sourcesTree';
import { api, closeAll, hoverText, openAndDraw, seedUris, waitFor, workspaceFolder } from './helpers';

const pkg = JSON.parse(readFileSync(join(__dirname, '..', 'package.json'), 'utf8')) as { contributes: { commands: { command: string }[] } };

suite('Crosscheck in a real VS Code', () => {
  let a: CrosscheckApi;
  let seeds: vscode.Uri[];
  const disposables: vscode.Disposable[] = [];
  const created: vscode.Uri[] = [];

  suiteSetup(async () => {
    a = await api();
    seeds = await seedUris();
    assert.ok(seeds.length >= 2, 'the workspace holds the two seed articles');
  });

  // Each test starts from a published cross-reference of every change the tests before it made (the worker's result).
  setup(async () => {
    await a.index.crossReferenced();
  });

  teardown(async () => {
    for (const d of disposables.splice(0)) d.dispose();
    await closeAll();
  });

  suiteTeardown(async () => {
    for (const u of created) await vscode.workspace.fs.delete(u, { recursive: true }).then(undefined, () => undefined);
  });

  test('activates, registers every command of package.json, and indexes the seeds in the worker', async () => {
    const registered = new Set(await vscode.commands.getCommands(true));
    for (const c of pkg.contributes.commands) assert.ok(registered.has(c.command), `${c.command} is registered`);
    assert.deepEqual([...a.commands].sort(), pkg.contributes.commands.map((c) => c.command).sort());
    for (const s of seeds) assert.ok(a.index.get(s.toString()), `${s.path} was indexed`);
  });

  test('the article language and its grammar are contributed', async () => {
    assert.ok((await vscode.languages.getLanguages()).includes('article'));
    const uri = vscode.Uri.joinPath(workspaceFolder(), 'dispatch.article');
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode('BEIRUT (Reuters) — The ministry reportedly denied the report, officials said.\n'));
    created.push(uri);
    const doc = await vscode.workspace.openTextDocument(uri);
    assert.equal(doc.languageId, 'article');
  });

  test('highlights every entity, source, cue, hedge and denial the core finds, one decoration type per kind', async () => {
    for (const uri of seeds) {
      await openAndDraw(a, uri);
      const doc = a.index.get(uri.toString())!;
      const drawn = a.decorations(uri)!;
      const expected = highlightSpans(doc.analysis, Object.fromEntries(DECORATION_KINDS.map((k) => [k, true])) as never, 3000);
      const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString())!;
      for (const kind of DECORATION_KINDS) {
        assert.deepEqual(drawn[kind].map((r) => [document.offsetAt(r.start), document.offsetAt(r.end)]), expected[kind].map((s) => [s.start, s.end]), `${kind} in ${uri.path}`);
      }
    }
  });

  test('on the seeds: people, places, sources, cues and the denial are highlighted', async function () {
    const uri = seeds[0]!;
    await openAndDraw(a, uri);
    const doc = a.index.get(uri.toString())!;
    if (!doc.analysis.entities.length) this.skip(); // the entity tagger is not in this build yet
    const d = a.decorations(uri)!;
    const text = doc.text;
    const covered = (kind: keyof typeof d, word: string): boolean => d[kind].some((r) => {
      const document = vscode.window.activeTextEditor!.document;
      return text.slice(document.offsetAt(r.start), document.offsetAt(r.end)).includes(word);
    });
    assert.ok(covered('person', 'Basiuk'), 'Oded Basiuk is a person');
    assert.ok(covered('place', 'Azerbaijan'), 'Azerbaijan is a place');
    if (doc.analysis.attributions.length) {
      assert.ok(covered('unnamedSource', 'source'), 'a senior Israeli source is an unnamed source');
      assert.ok(covered('cue', 'told'), '"told" is a cue');
      assert.ok(covered('denial', 'denied'), '"denied" is a denial');
    }
  });

  test('re-highlights as the user types (debounced), without saving', async () => {
    const doc = await vscode.workspace.openTextDocument({ language: 'article', content: 'The minister said on Monday that talks were held.\n' });
    const editor = await vscode.window.showTextDocument(doc);
    if (!a.decorations(doc.uri)) await waitFor(a.onDidDraw, (u) => u.toString() === doc.uri.toString());
    const redrawn = waitFor(a.onDidDraw, (u) => u.toString() === doc.uri.toString() && a.index.get(u.toString())?.text === doc.getText(), 10_000, 'the redraw after typing');
    await editor.edit((e) => e.insert(new vscode.Position(0, 0), 'Reportedly, officials in Damascus denied it. '));
    await redrawn;
    const analysed = a.index.get(doc.uri.toString())!;
    assert.equal(analysed.text, doc.getText());
    const spans = highlightSpans(analysed.analysis, Object.fromEntries(DECORATION_KINDS.map((k) => [k, true])) as never, 3000);
    assert.deepEqual(a.decorations(doc.uri)!.hedge.map((r) => doc.offsetAt(r.start)), spans.hedge.map((s) => s.start));
    assert.ok(doc.isDirty && doc.isUntitled, 'nothing was saved');
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  test('Toggle Highlights turns every highlight off and on again', async () => {
    const uri = seeds[0]!;
    await openAndDraw(a, uri);
    const before = a.decorations(uri)!;
    assert.equal(await vscode.commands.executeCommand('crosscheck.toggleHighlights'), false);
    assert.ok(DECORATION_KINDS.every((k) => a.decorations(uri)![k].length === 0));
    assert.equal(await vscode.commands.executeCommand('crosscheck.toggleHighlights'), true);
    assert.deepEqual(DECORATION_KINDS.map((k) => a.decorations(uri)![k].length), DECORATION_KINDS.map((k) => before[k].length));
  });

  test('settings are re-read when they change: a highlight kind off, an extra hedge word on', async () => {
    const config = vscode.workspace.getConfiguration('crosscheck');
    const doc = await vscode.workspace.openTextDocument({ language: 'article', content: 'John Smith said the deal was blorfully agreed in London.\n' });
    await vscode.window.showTextDocument(doc);
    if (!a.decorations(doc.uri)) await waitFor(a.onDidDraw, (u) => u.toString() === doc.uri.toString());
    try {
      const redrawn = waitFor(a.onDidDraw, (u) => u.toString() === doc.uri.toString() && a.decorations(doc.uri)!.hedge.length > 0, 10_000, 'the extra hedge');
      await config.update('hedges.extra', ['blorfully'], vscode.ConfigurationTarget.Global);
      await redrawn;
      const hedge = a.decorations(doc.uri)!.hedge.map((r) => doc.getText(r));
      assert.ok(hedge.includes('blorfully'), `hedges: ${hedge.join(', ')}`);
      const off = waitFor(a.onDidDraw, (u) => u.toString() === doc.uri.toString() && a.decorations(doc.uri)!.hedge.length === 0, 10_000, 'hedges off');
      await config.update('highlight.hedges', false, vscode.ConfigurationTarget.Global);
      await off;
    } finally {
      await config.update('hedges.extra', undefined, vscode.ConfigurationTarget.Global);
      await config.update('highlight.hedges', undefined, vscode.ConfigurationTarget.Global);
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    }
  });

  test('conditional hedges ("if", "whether") are listed but highlighted only when asked', async () => {
    const config = vscode.workspace.getConfiguration('crosscheck');
    const doc = await vscode.workspace.openTextDocument({ language: 'article', content: 'If the talks fail, the strike may resume, officials said, and it is unclear whether it will end.\n' });
    await vscode.window.showTextDocument(doc);
    if (!a.decorations(doc.uri)) await waitFor(a.onDidDraw, (u) => u.toString() === doc.uri.toString());
    const hedges = () => a.decorations(doc.uri)!.hedge.map((r) => doc.getText(r));
    try {
      assert.ok(a.index.get(doc.uri.toString())!.analysis.hedges.some((h) => h.kind === 'conditional'), 'found by the analysis');
      assert.ok(hedges().includes('may') && !hedges().includes('If') && !hedges().includes('whether'), hedges().join(', '));
      const on = waitFor(a.onDidDraw, (u) => u.toString() === doc.uri.toString() && hedges().includes('If'), 10_000, 'conditionals drawn');
      await config.update('hedges.highlightConditionals', true, vscode.ConfigurationTarget.Global);
      await on;
      assert.ok(hedges().includes('whether'));
    } finally {
      await config.update('hedges.highlightConditionals', undefined, vscode.ConfigurationTarget.Global);
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    }
  });

  test('settings of the wrong type or unknown keys are reported clearly and replaced by their defaults', async () => {
    const dir = vscode.Uri.joinPath(workspaceFolder(), '.vscode');
    const file = vscode.Uri.joinPath(dir, 'settings.json');
    created.push(dir);
    const reread = (): Promise<unknown> => waitFor(vscode.workspace.onDidChangeConfiguration, (e) => e.affectsConfiguration('crosscheck'), 10_000, 'the settings change');
    let changed = reread();
    // written by hand, as a user would: VS Code's own update() refuses keys nobody declared
    await vscode.workspace.fs.writeFile(file, new TextEncoder().encode(JSON.stringify({ 'crosscheck.files.maxSizeKB': 'big', 'crosscheck.highlight.hedge': false })));
    await changed;
    const problems = a.settingProblems().join('\n');
    assert.match(problems, /crosscheck\.files\.maxSizeKB must be a number of at least 1, not "big"; using the default, 2048/);
    assert.match(problems, /crosscheck\.highlight\.hedge is not a Crosscheck setting \(did you mean crosscheck\.highlight\.hedges\?\); ignored/);
    // the default limit is in force: the seeds are still analysed
    const editor = await openAndDraw(a, seeds[0]!);
    assert.ok(a.index.get(editor.document.uri.toString()));
    changed = reread();
    await vscode.workspace.fs.delete(file);
    await changed;
    assert.deepEqual(a.settingProblems(), []);
  });

  test('a long article is analysed in a worker, off the extension host, and re-analysed after an edit', async () => {
    const paragraph = 'Harbour master Anna Kowalczyk said on Tuesday that 14 sailors were rescued from the Meridian Star, officials in Port Ellis said. ';
    const content = paragraph.repeat(Math.ceil(LIVE_ON_HOST_LIMIT / paragraph.length) + 5);
    const doc = await vscode.workspace.openTextDocument({ language: 'article', content });
    const analysed = (want: string) => waitFor(a.index.onDidChange, (ids) => ids.includes(doc.uri.toString()) && a.index.get(doc.uri.toString())?.text === want, 60_000, 'the worker\'s analysis');
    const first = analysed(content);
    const editor = await vscode.window.showTextDocument(doc);
    assert.equal(a.index.updateDocument(doc), null, 'not analysed on the host');
    await first;
    const people = a.index.get(doc.uri.toString())!.analysis.entities.filter((e) => e.type === 'PERSON');
    assert.ok(people.length > 100, `${people.length} people found`);
    const again = analysed('Update: ' + content);
    await editor.edit((e) => e.insert(new vscode.Position(0, 0), 'Update: '));
    await again;
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  test('over the highlight cap, the highlights follow the part of the article on screen', async () => {
    const config = vscode.workspace.getConfiguration('crosscheck');
    await config.update('highlight.maxPerEditor', 40, vscode.ConfigurationTarget.Global);
    const line = (i: number) => `Minister Rami Haddad met Dana Novak in Amman on Monday, officials said (item ${i}).`;
    const doc = await vscode.workspace.openTextDocument({ language: 'article', content: Array.from({ length: 300 }, (_, i) => line(i)).join('\n\n') + '\n' });
    try {
      const editor = await vscode.window.showTextDocument(doc);
      if (!a.decorations(doc.uri)) await waitFor(a.onDidDraw, (u) => u.toString() === doc.uri.toString());
      const count = () => DECORATION_KINDS.reduce((n, k) => n + (a.decorations(doc.uri)?.[k].length ?? 0), 0);
      const lastLine = () => Math.max(...DECORATION_KINDS.flatMap((k) => a.decorations(doc.uri)?.[k] ?? []).map((r) => r.start.line));
      assert.equal(count(), 40, 'capped');
      assert.ok(lastLine() < 100, `at the top first (last highlighted line ${lastLine()})`);
      const moved = waitFor(a.onDidDraw, (u) => u.toString() === doc.uri.toString() && lastLine() > 500, 10_000, 'highlights at the end');
      editor.revealRange(new vscode.Range(doc.lineCount - 2, 0, doc.lineCount - 1, 0), vscode.TextEditorRevealType.InCenter);
      await moved;
      assert.equal(count(), 40);
    } finally {
      await config.update('highlight.maxPerEditor', undefined, vscode.ConfigurationTarget.Global);
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    }
  });

  test('an article over the size limit is not analysed, and the status bar says why', async () => {
    const config = vscode.workspace.getConfiguration('crosscheck');
    const uri = seeds[1]!;
    try {
      await config.update('files.maxSizeKB', 1, vscode.ConfigurationTarget.Global);
      const editor = await vscode.window.showTextDocument(uri);
      if (a.index.get(uri.toString())) await waitFor(a.onDidDraw, () => !a.index.get(uri.toString()), 10_000, 'the article to be dropped');
      assert.ok(!a.index.get(uri.toString()));
      assert.ok(DECORATION_KINDS.every((k) => (a.decorations(uri)?.[k].length ?? 0) === 0), 'no highlights');
      assert.match(a.index.skippedReason(uri.toString()) ?? '', /larger than the 1 KB limit/);
      if (!/not analysed/.test(a.statusBarText() ?? '')) await waitFor(a.onDidRefresh, () => /not analysed/.test(a.statusBarText() ?? ''), 10_000, 'the status bar');
      assert.equal(editor.document.isDirty, false);
    } finally {
      const back = waitFor(a.onDidDraw, (u) => u.toString() === uri.toString() && !!a.index.get(uri.toString()), 10_000, 'the article analysed again');
      await config.update('files.maxSizeKB', undefined, vscode.ConfigurationTarget.Global);
      await back;
    }
  });

  test('hovers explain entities with their spellings and links, as trusted-command markdown', async function () {
    const uri = seeds[0]!;
    await openAndDraw(a, uri);
    const doc = a.index.get(uri.toString())!;
    const document = vscode.window.activeTextEditor!.document;
    const person = doc.analysis.entities.find((e) => e.type === 'PERSON') ?? doc.analysis.entities[0];
    if (!person) this.skip();
    const text = await hoverText(uri, document.positionAt(person.start + 1));
    assert.match(text, new RegExp(`\\*\\*${person.type}\\*\\*`));
    assert.match(text, /Named \d+ times? in \d+ articles?/);
    assert.match(text, /command:crosscheck\.(openLocation|showMentions)\?/);
  });

  test('hovers on an attribution give source kind, stance and the claim in other articles', async function () {
    const uri = seeds[0]!;
    await openAndDraw(a, uri);
    const doc = a.index.get(uri.toString())!;
    const document = vscode.window.activeTextEditor!.document;
    const att = doc.analysis.attributions.find((t) => t.source && t.sourceKind === 'unnamed') ?? doc.analysis.attributions[0];
    if (!att) this.skip();
    const text = await hoverText(uri, document.positionAt(att.cue.start));
    assert.match(text, /\*\*Attribution\*\*/);
    assert.match(text, /stance: /);
    assert.match(text, /\*\*Claim\*\*/);
    if (/senior Israeli source/.test(att.source?.text ?? '')) assert.match(text, /unnamed source/);
  });

  test('hover text from the article is escaped, never markdown', async () => {
    const doc = await vscode.workspace.openTextDocument({ language: 'article', content: '**Bold** [link](command:workbench.action.quit) said John Smith in London on Monday.\n' });
    await vscode.window.showTextDocument(doc);
    const analysed = a.index.get(doc.uri.toString()) ?? a.index.updateDocument(doc);
    for (const e of analysed?.analysis.entities ?? []) {
      const t = await hoverText(doc.uri, doc.positionAt(e.start));
      assert.doesNotMatch(t, /\]\(command:workbench/);
    }
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  test('the Entities tree lists canonical names → spellings → files → mentions', async function () {
    const roots = a.entitiesTree.getChildren();
    const ws = a.index.workspace();
    assert.equal(roots.length, ws.entities.filter((e) => !['DATE', 'TIME', 'NUMBER', 'MONEY', 'PERCENT', 'QUANTITY'].includes(e.type)).length);
    if (!roots.length) this.skip();
    const first = roots[0]!;
    const item = a.entitiesTree.getTreeItem(first);
    assert.equal(item.contextValue, 'entity');
    const spellings = a.entitiesTree.getChildren(first);
    assert.ok(spellings.length >= 1 && spellings.every((s) => s.kind === 'spelling'));
    const files = a.entitiesTree.getChildren(spellings[0]);
    assert.ok(files.length >= 1 && files.every((f) => f.kind === 'file'));
    const mentions = a.entitiesTree.getChildren(files[0]);
    assert.ok(mentions.length >= 1);
    assert.equal(a.entitiesTree.getTreeItem(mentions[0]!).command?.command, 'crosscheck.openLocation');
    if (first.kind === 'entity') {
      const fromTree = await vscode.commands.executeCommand<vscode.Location[]>('crosscheck.showMentions', first);
      assert.equal(fromTree.length, first.entity.mentions.length, 'Show Mentions from the tree’s context menu');
      await vscode.commands.executeCommand('closeReferenceSearch');
    }
    const basiuk = roots.find((r): r is Extract<EntityNode, { kind: 'entity' }> => r.kind === 'entity' && /Basiuk|Bashk/.test(r.entity.name));
    if (basiuk) {
      const names = a.entitiesTree.getChildren(basiuk).map((s) => (s.kind === 'spelling' ? s.spelling : ''));
      assert.ok(names.some((n) => /Basiuk/.test(n)) && names.some((n) => /Bashk/.test(n)), `Basiuk and Bashk are one entity: ${names.join(', ')}`);
    }
  });

  test('the Sources tree counts named, unnamed and unattributed claims per article', () => {
    const articles = a.sourcesTree.getChildren();
    assert.ok(articles.length >= 2);
    const ws = a.index.workspace();
    for (const art of articles) {
      const doc = a.index.get(art.doc)!;
      const p = sourcingProfile(doc, ws);
      assert.equal(a.sourcesTree.getTreeItem(art).description, `${p.named} named · ${p.unnamed} unnamed · ${p.unattributed} unattributed`);
      const groups = a.sourcesTree.getChildren(art) as Extract<SourceNode, { kind: 'group' }>[];
      assert.deepEqual(groups.map((g) => g.group), ['named', 'unnamed', 'unattributed']);
      assert.equal(a.sourcesTree.getChildren(groups[2]).length, p.unattributed);
    }
  });

  test('the Claims view opens, says ready and receives the cross-reference snapshot', async () => {
    const posted = waitFor(a.onDidPostClaimsState, (s) => s.articles >= 2, 30_000, 'the Claims view state');
    await vscode.commands.executeCommand('crosscheck.claims.focus');
    const state = await posted;
    const ws = a.index.workspace();
    assert.equal(state.clusters.length, ws.clusters.length);
    const inClusters = state.clusters.reduce((n, c) => n + c.claims.length, 0);
    assert.equal(inClusters + state.singlesTotal, a.index.documents().reduce((n, d) => n + d.analysis.claims.length, 0));
    for (const c of state.clusters) assert.ok(new Set(c.claims.map((x) => x.doc)).size >= 2, 'a cluster spans two or more articles');
  });

  test('the status bar sums up the active article; its claims found elsewhere are counted, and listed in the Claims view, once the cross-reference covers the edit', async () => {
    const doc = await vscode.workspace.openTextDocument({ language: 'article', content: (await vscode.workspace.openTextDocument(seeds[0]!)).getText() });
    const editor = await vscode.window.showTextDocument(doc);
    const id = doc.uri.toString();
    const counted = async (): Promise<string> => {
      await a.index.crossReferenced();
      await vscode.commands.executeCommand('crosscheck.refreshViews');
      const p = sourcingProfile(a.index.get(id)!, a.index.workspace());
      assert.ok(p.corroborated > 0, 'the copy of a seed repeats claims of the seeds');
      assert.match(a.statusBarText() ?? '', new RegExp(`^\\$\\(checklist\\) ${p.claims} claims · \\d+% unnamed · ${p.corroborated} elsewhere$`));
      return a.statusBarText()!;
    };
    if (!a.index.get(id)) await waitFor(a.onDidDraw, (u) => u.toString() === id, 10_000, 'the first analysis');
    const before = await counted();
    // A sentence put first renumbers every claim after it: the published cross-reference reads the old numbers.
    const analysed = waitFor(a.index.onDidChange, () => a.index.get(id)?.text === doc.getText(), 10_000, 'the analysis after the edit');
    await editor.edit((e) => e.insert(new vscode.Position(0, 0), 'Officials said on Tuesday that nine people were hurt.\n\n'));
    await analysed;
    assert.ok(!a.index.crossReferenceCovers(id), 'the edit is not cross-referenced yet (debounced)');
    await vscode.commands.executeCommand('crosscheck.refreshViews');
    assert.match(a.statusBarText() ?? '', /\d+ claims · \d+% unnamed · … elsewhere/);
    const waiting = a.claimsState();
    assert.equal(waiting.waiting, 1);
    assert.ok(!waiting.clusters.some((c) => c.claims.some((x) => x.doc === id)) && !waiting.singles.some((x) => x.doc === id), 'its claims wait');
    assert.notEqual(await counted(), before, 'one claim more');
    const shown = a.claimsState();
    assert.equal(shown.waiting, undefined);
    const doc2 = a.index.get(id)!;
    const listed = shown.clusters.flatMap((c) => c.claims).filter((x) => x.doc === id);
    assert.ok(listed.length > 0, 'its shared claims are listed again');
    for (const x of listed) assert.equal(x.text, doc2.analysis.claims.find((c) => c.id === x.claimId)!.text, 'as the article now reads');
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  test('Cross-reference Workspace re-reads the articles and skips bad files with a reason', async () => {
    const binary = vscode.Uri.joinPath(workspaceFolder(), 'binary.txt');
    const empty = vscode.Uri.joinPath(workspaceFolder(), 'empty.md');
    await vscode.workspace.fs.writeFile(binary, new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0, 0xff, 0xfe, 0x00]));
    await vscode.workspace.fs.writeFile(empty, new Uint8Array());
    created.push(binary, empty);
    const r = await vscode.commands.executeCommand<{ analysed: number; skipped: { id: string; reason: string }[]; clusters: number }>('crosscheck.crossReferenceWorkspace');
    assert.ok(r.analysed >= 2);
    assert.ok(r.skipped.some((s) => s.id.endsWith('binary.txt')), 'the binary file is skipped');
    assert.ok(r.skipped.some((s) => s.id.endsWith('empty.md')), 'the empty file is skipped');
    assert.ok(!a.index.get(binary.toString()));
  });

  test('re-reading the workspace takes unchanged articles from the analysis cache, equal to a fresh analysis', async () => {
    // a file no editor has opened (open ones are analysed from their buffers, not read from disk)
    const file = vscode.Uri.joinPath(workspaceFolder(), 'cached-article.txt');
    created.push(file);
    await vscode.workspace.fs.writeFile(file, new TextEncoder().encode('Harbour master Anna Kowalczyk said on Tuesday that 14 sailors were rescued, officials said.\n'));
    await vscode.commands.executeCommand('crosscheck.crossReferenceWorkspace');
    const r = await vscode.commands.executeCommand<{ analysed: number; fromCache: number }>('crosscheck.crossReferenceWorkspace');
    assert.ok(r.fromCache >= 1 && r.fromCache <= r.analysed, `${r.fromCache} of ${r.analysed} from the cache`);
    const doc = a.index.get(file.toString())!;
    assert.deepEqual(doc.analysis, a.index.engine.analyze(doc.text, {}), 'the cached analysis equals a fresh one');
  });

  test('Compare Articles opens a side-by-side panel of the given articles', async () => {
    const state = await vscode.commands.executeCommand<{ articles: { doc: string }[]; rows: unknown[]; only: unknown[][] }>('crosscheck.compareArticles', seeds[0], seeds[1]);
    assert.equal(state.articles.length, 2);
    assert.equal(state.only.length, 2);
    const ws = a.index.workspace();
    assert.equal(state.rows.length, ws.clusters.filter((c) => new Set(c.claims.map((r) => r.doc)).size >= 2).length);
    assert.ok(a.compareState(), 'the panel is open');
    const open = (): boolean => vscode.window.tabGroups.all.flatMap((g) => g.tabs).some((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.includes('crosscheck.compare'));
    if (!open()) await waitFor(vscode.window.tabGroups.onDidChangeTabs, open, 10_000, 'the comparison tab');
  });

  test('Show Mentions of Entity at Cursor lists every mention across articles', async function () {
    const uri = seeds[0]!;
    const editor = await openAndDraw(a, uri);
    const doc = a.index.get(uri.toString())!;
    const person = doc.analysis.entities.find((e) => e.type === 'PERSON') ?? doc.analysis.entities[0];
    if (!person) {
      assert.deepEqual(await vscode.commands.executeCommand('crosscheck.showMentions'), []);
      this.skip();
    }
    editor.selection = new vscode.Selection(editor.document.positionAt(person.start), editor.document.positionAt(person.start));
    const locations = await vscode.commands.executeCommand<vscode.Location[]>('crosscheck.showMentions');
    const entityId = a.index.workspace().entityOf.get(`${doc.id}#${doc.analysis.entities.indexOf(person)}`);
    const entity = a.index.workspace().entities.find((e) => e.id === entityId)!;
    assert.equal(locations.length, entity.mentions.length);
    assert.ok(locations.some((l) => l.uri.toString() === uri.toString() && editor.document.offsetAt(l.range.start) === person.start));
    await vscode.commands.executeCommand('closeReferenceSearch');
  });

  test('Treat as Same Entity / Not the Same write the aliases file atomically and re-link', async () => {
    const file = vscode.Uri.joinPath(workspaceFolder(), '.crosscheck', 'aliases.json');
    created.push(vscode.Uri.joinPath(workspaceFolder(), '.crosscheck'));
    const relinked = waitFor(a.onDidRefresh, () => true, 10_000, 'views refreshed after the alias change');
    const written = await vscode.commands.executeCommand<vscode.Uri>('crosscheck.treatAsSame', 'Oded Basiuk', 'Oded Bashk');
    assert.equal(written?.toString(), file.toString());
    await vscode.commands.executeCommand('crosscheck.notTheSame', 'Shala', 'Bashar al-Assad');
    const parsed = parseAliasFile(new TextDecoder().decode(await vscode.workspace.fs.readFile(file)));
    assert.deepEqual(parsed.problems, []);
    assert.deepEqual(parsed.aliases.same, [['Oded Basiuk', 'Oded Bashk']]);
    assert.deepEqual(parsed.aliases.different, [['Shala', 'Bashar al-Assad']]);
    assert.deepEqual(a.index.getAliases().same, [['Oded Basiuk', 'Oded Bashk']]);
    const leftovers = (await vscode.workspace.fs.readDirectory(vscode.Uri.joinPath(workspaceFolder(), '.crosscheck'))).map(([n]) => n);
    assert.deepEqual(leftovers, ['aliases.json'], 'no temporary file is left behind');
    await relinked;
  });

  test('a damaged aliases file is reported, its readable part used, and rebuilt with a backup on the next correction', async () => {
    const file = vscode.Uri.joinPath(workspaceFolder(), '.crosscheck', 'aliases.json');
    created.push(vscode.Uri.joinPath(workspaceFolder(), '.crosscheck'));
    const damaged = '{"same": [["Oded Basiuk", "Oded Bashk"]], "different": [["only one name"]], "colour": 1}';
    let reloaded = waitFor(a.onDidReloadAliases, () => a.aliasProblems().length > 0, 10_000, 'the damaged file read');
    await vscode.workspace.fs.writeFile(file, new TextEncoder().encode(damaged));
    await reloaded;
    assert.match(a.aliasProblems().join('\n'), /aliases\.json: unknown key "colour"/);
    assert.match(a.aliasProblems().join('\n'), /"different"\[0\] must be a list of 2 names/);
    assert.deepEqual(a.index.getAliases().same, [['Oded Basiuk', 'Oded Bashk']], 'the readable correction is in force');
    // not JSON at all: nothing usable, still no failure
    reloaded = waitFor(a.onDidReloadAliases, () => /not valid JSON/.test(a.aliasProblems().join('\n')), 10_000, 'the broken file read');
    await vscode.workspace.fs.writeFile(file, new TextEncoder().encode('{"same": [["Oded Basiuk", '));
    await reloaded;
    assert.deepEqual(a.index.getAliases().same, []);
    await vscode.commands.executeCommand('crosscheck.treatAsSame', 'Ahmed al-Sharaa', 'Ahmed al-Sharah');
    const rebuilt = parseAliasFile(new TextDecoder().decode(await vscode.workspace.fs.readFile(file)));
    assert.deepEqual(rebuilt.problems, []);
    assert.deepEqual(rebuilt.aliases.same, [['Ahmed al-Sharaa', 'Ahmed al-Sharah']]);
    const backup = new TextDecoder().decode(await vscode.workspace.fs.readFile(file.with({ path: `${file.path}.bak` })));
    assert.equal(backup, '{"same": [["Oded Basiuk", ', 'the damaged file is kept');
    assert.deepEqual(a.aliasProblems(), []);
  });

  test('of two aliases reloads in flight, the one begun last is kept, whichever finishes last', async () => {
    // Granting trust fires a trust event and a configuration event, each reloading; the older may finish last.
    const dir = vscode.Uri.joinPath(workspaceFolder(), '.crosscheck-race');
    created.push(dir);
    const many = Array.from({ length: 60_000 }, (_, i) => [`Person Number${i}`, `Person Numbr${i}`]);
    await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(dir, 'old.json'), new TextEncoder().encode(JSON.stringify({ same: many, different: [] })));
    await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(dir, 'new.json'), new TextEncoder().encode(JSON.stringify({ same: [['Kudna', 'Quneitra']], different: [] })));
    const log = vscode.window.createOutputChannel('Crosscheck aliases test', { log: true });
    let setting = '.crosscheck-race/old.json'; // the folder's setting, as each reload reads it
    const store = new AliasStore('.crosscheck/aliases.json', log, () => setting);
    disposables.push(store, log);
    const fired: AliasFile[] = [];
    store.onDidChange((f) => fired.push(f));
    const older = store.reload(); // reads the large old file: it finishes last
    setting = '.crosscheck-race/new.json';
    const newer = store.reload();
    await Promise.all([older, newer]);
    // Compared by summary: a failing deepEqual would diff 60,000 pairs and stall the extension host.
    const kept = store.aliases.same;
    assert.ok(kept.length === 1 && kept[0]?.join(' / ') === 'Kudna / Quneitra', `kept ${kept.length} pairs, the first ${kept[0]?.join(' / ')}`);
    assert.deepEqual(fired.map((f) => f.same.length), [1], 'only the newest reading is announced');
  });

  test('Export Report writes Markdown, HTML and the JSON contract to the given file', async () => {
    const dir = vscode.Uri.file(join(tmpdir(), `crosscheck-report-${Date.now()}`));
    created.push(dir);
    const md = await vscode.commands.executeCommand<vscode.Uri>('crosscheck.exportReport', 'markdown', vscode.Uri.joinPath(dir, 'report.md'));
    assert.match(new TextDecoder().decode(await vscode.workspace.fs.readFile(md)), /^# Crosscheck report/);
    const html = await vscode.commands.executeCommand<vscode.Uri>('crosscheck.exportReport', 'html', vscode.Uri.joinPath(dir, 'report.html'));
    assert.match(new TextDecoder().decode(await vscode.workspace.fs.readFile(html)), /^<!DOCTYPE html>/);
    const json = await vscode.commands.executeCommand<vscode.Uri>('crosscheck.exportReport', 'json', vscode.Uri.joinPath(dir, 'report.json'));
    const contract = JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(json))) as { version: number; documents: { path: string }[] };
    assert.equal(contract.version, 1);
    assert.ok(contract.documents.length >= 2);
    assert.ok(contract.documents.every((d) => !d.path.startsWith('file:')), 'paths are workspace-relative');
  });

  test('Open the Sample Articles opens the shipped samples', async () => {
    const uris = await vscode.commands.executeCommand<vscode.Uri[]>('crosscheck.openSamples');
    assert.ok(Array.isArray(uris));
    const open = vscode.window.tabGroups.all.flatMap((g) => g.tabs).map((t) => (t.input instanceof vscode.TabInputText ? t.input.uri.toString() : ''));
    for (const u of uris) {
      assert.ok(open.includes(u.toString()), `${u.path} is open`);
      assert.ok(a.index.get(u.toString()), `${u.path} is analysed`);
    }
  });

  test('Refresh and Go to Article Location', async () => {
    const refreshed = waitFor(a.onDidRefresh, () => true, 5_000, 'refresh');
    await vscode.commands.executeCommand('crosscheck.refreshViews');
    await refreshed;
    const uri = seeds[1]!;
    const editor = await vscode.commands.executeCommand<vscode.TextEditor>('crosscheck.openLocation', uri.toString(), 5, 12);
    assert.equal(editor.document.uri.toString(), uri.toString());
    assert.deepEqual([editor.document.offsetAt(editor.selection.start), editor.document.offsetAt(editor.selection.end)], [5, 12]);
  });

  test('after an edit the cross-reference is made in its worker and published: equal to the core’s, views refreshed', async () => {
    const content = 'BAKU (Reuters) — Maj. Gen. Oded Basiuk held direct talks in Azerbaijan on Friday, a senior Israeli source told CNN.\n';
    const doc = await vscode.workspace.openTextDocument({ language: 'article', content });
    const published = waitFor(a.index.onDidCrossReference, () => !a.index.crossReferencePending, 60_000, 'the published cross-reference');
    const refreshed = waitFor(a.onDidRefresh, () => !a.index.crossReferencePending, 60_000, 'the views refreshed after it');
    await vscode.window.showTextDocument(doc);
    if (!a.index.get(doc.uri.toString())) a.index.updateDocument(doc);
    assert.ok(a.index.crossReferencePending, 'the edit waits for the worker, the host did not cross-reference it');
    const ws = await published;
    await refreshed;
    assert.equal(a.index.workspace(), ws);
    const core = a.index.engine.crossReference(a.index.documents(), a.index.getAliases());
    assert.deepEqual(ws.entities, core.entities);
    assert.deepEqual(ws.clusters, core.clusters);
    assert.deepEqual(new Map(ws.entityOf), new Map(core.entityOf));
    assert.deepEqual(new Map(ws.clusterOf), new Map(core.clusterOf));
    const id = doc.uri.toString();
    assert.ok(ws.entities.some((e) => e.mentions.some((m) => m.doc === id) && e.mentions.some((m) => m.doc !== id)), 'the new article’s names are linked to the seeds’');
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  test('the extension never wrote to an article', async () => {
    const originals = JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(workspaceFolder(), '.crosscheck-originals.json')))) as Record<string, string>;
    for (const [name, text] of Object.entries(originals)) {
      assert.equal(new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(workspaceFolder(), name))), text, `${name} is unchanged`);
    }
  });
});
