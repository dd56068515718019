// package.json's contributions must match the code: every command of the table, every setting config.ts reads,
// every view, colour and localised string (after vscode-spell-checker's commands.test and vscode-markdownlint's
// metadata-test).
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { COMMANDS, DECORATION_COLOR, DECORATION_KINDS, HIGHLIGHT_SETTING, HOVER_COMMANDS, SETTINGS, VIEWS, VIEW_CONTAINER } from '../../src/extension/contributions';

const ROOT = resolve(__dirname, '..', '..');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
const nls: Record<string, string> = JSON.parse(readFileSync(join(ROOT, 'package.nls.json'), 'utf8'));
const c = pkg.contributes;

test('contributes.commands are exactly the command table, with localised titles', () => {
  assert.deepEqual(c.commands.map((x: { command: string }) => x.command).sort(), Object.keys(COMMANDS).sort());
  for (const cmd of c.commands) {
    assert.equal(cmd.title, COMMANDS[cmd.command as keyof typeof COMMANDS].title, cmd.command);
    assert.equal(cmd.category, 'Crosscheck');
  }
});

test('internal commands are hidden from the palette; palette commands are not', () => {
  const hidden = new Set(c.menus.commandPalette.filter((m: { when: string }) => m.when === 'false').map((m: { command: string }) => m.command));
  for (const [id, spec] of Object.entries(COMMANDS)) assert.equal(hidden.has(id), !spec.palette, id);
  for (const id of HOVER_COMMANDS) assert.ok(id in COMMANDS);
});

test('every command referenced by a menu exists', () => {
  for (const [menu, entries] of Object.entries(c.menus) as [string, { command: string }[]][]) {
    for (const e of entries) assert.ok(e.command in COMMANDS, `${menu}: ${e.command}`);
  }
});

test('contributes.configuration declares exactly the settings the code reads, each described', () => {
  const props = c.configuration.properties as Record<string, { markdownDescription?: string; description?: string; default?: unknown }>;
  assert.deepEqual(Object.keys(props).sort(), [...SETTINGS].sort());
  for (const [key, p] of Object.entries(props)) {
    assert.ok(p.markdownDescription ?? p.description, `${key} has a description`);
    assert.ok('default' in p, `${key} has a default`);
  }
  for (const k of DECORATION_KINDS) assert.ok(`crosscheck.highlight.${HIGHLIGHT_SETTING[k]}` in props, k);
});

test('the sidebar container holds the Claims webview and the Entities and Sources trees', () => {
  assert.deepEqual(c.viewsContainers.activitybar.map((v: { id: string }) => v.id), [VIEW_CONTAINER]);
  const views = c.views[VIEW_CONTAINER] as { id: string; type?: string }[];
  assert.deepEqual(views.map((v) => v.id).sort(), Object.values(VIEWS).sort());
  assert.equal(views.find((v) => v.id === VIEWS.claims)?.type, 'webview');
  assert.ok(existsSync(join(ROOT, c.viewsContainers.activitybar[0].icon)));
});

test('one themable colour per highlight kind, with light, dark and high-contrast defaults', () => {
  const colors = new Map(c.colors.map((x: { id: string; defaults: Record<string, string> }) => [x.id, x.defaults]));
  assert.equal(colors.size, c.colors.length, 'colour ids are unique');
  for (const k of DECORATION_KINDS) {
    const d = colors.get(DECORATION_COLOR[k]) as Record<string, string> | undefined;
    assert.ok(d, `${k} has a colour`);
    for (const theme of ['light', 'dark', 'highContrast', 'highContrastLight']) assert.match(d[theme] ?? '', /^#[0-9a-f]{6}([0-9a-f]{2})?$/i, `${k} ${theme}`);
  }
  assert.equal(new Set(Object.values(DECORATION_COLOR)).size, DECORATION_KINDS.length);
});

test('every %key% of package.json is in package.nls.json, and no key there is unused', () => {
  const text = readFileSync(join(ROOT, 'package.json'), 'utf8');
  const used = new Set([...text.matchAll(/"%([^%"]+)%"/g)].map((m) => m[1]!));
  for (const k of used) assert.ok(k in nls, `${k} is localised`);
  for (const k of Object.keys(nls)) assert.ok(used.has(k), `${k} is used`);
});

test('the article language, its grammar and the Markdown / plain text injection are contributed', () => {
  const lang = c.languages.find((l: { id: string }) => l.id === 'article');
  assert.deepEqual(lang.extensions, ['.article', '.news']);
  for (const g of c.grammars) assert.ok(existsSync(join(ROOT, g.path)), g.path);
  const injection = c.grammars.find((g: { injectTo?: string[] }) => g.injectTo);
  assert.deepEqual(injection.injectTo.sort(), ['text.html.markdown', 'text.plain']);
  assert.ok(existsSync(join(ROOT, lang.configuration)));
});

test('activation is minimal and the extension declares restricted-mode support', () => {
  assert.deepEqual(pkg.activationEvents.sort(), ['onLanguage:article', 'onLanguage:markdown', 'onLanguage:plaintext']);
  assert.ok(['limited', true].includes(pkg.capabilities.untrustedWorkspaces.supported));
  for (const s of pkg.capabilities.untrustedWorkspaces.restrictedConfigurations ?? []) assert.ok(SETTINGS.includes(s), s);
  assert.equal(pkg.main, './dist/extension.js');
  assert.match(pkg.engines.vscode, /^\^1\.\d+\.0$/);
});

test('the walkthrough opens the samples and its media exist', () => {
  const w = c.walkthroughs[0];
  assert.ok(w.steps.some((s: { completionEvents?: string[] }) => s.completionEvents?.includes('onCommand:crosscheck.openSamples')));
  for (const s of w.steps) if (s.media?.markdown) assert.ok(existsSync(join(ROOT, s.media.markdown)), s.media.markdown);
});

test('.vscodeignore is an allow-list that ships the bundles, grammars, webview media, model and samples only', () => {
  const lines = readFileSync(join(ROOT, '.vscodeignore'), 'utf8').split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('#'));
  assert.equal(lines[0], '**', 'everything is excluded first');
  const allowed = lines.filter((l) => l.startsWith('!'));
  for (const need of ['!dist/extension.js', '!dist/worker.js', '!dist/crossrefWorker.js', '!dist/webview/*.js', '!syntaxes/**', '!media/*.css', '!media/icon.png', '!media/walkthrough/**', '!models/**', '!package.nls.json']) assert.ok(allowed.includes(need), need);
  assert.ok(!allowed.some((l) => /src|test|node_modules|\.map|cli\.js|screenshot/.test(l)), 'no sources, tests, source maps, the CLI or README screenshots');
});
