import * as vscode from 'vscode';

/** Webview options: scripts on, resources only from media/ and dist/. */
export function webviewOptions(extensionUri: vscode.Uri): vscode.WebviewOptions {
  return { enableScripts: true, enableCommandUris: false, localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'media'), vscode.Uri.joinPath(extensionUri, 'dist')] };
}

function nonce(): string {
  const chars = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  let s = '';
  for (let i = 0; i < 32; i++) s += chars[Math.floor(Math.random() * chars.length)];
  return s;
}

/**
 * The page of a webview: a strict CSP (no inline script or style, no remote anything), the stylesheet from media/
 * and the bundled script from dist/webview/ under a fresh nonce. The script builds the DOM from the state message.
 */
export function webviewHtml(webview: vscode.Webview, extensionUri: vscode.Uri, script: 'claimsView' | 'comparePanel', title: string): string {
  const n = nonce();
  const css = webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'media', 'webview.css'));
  const js = webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'dist', 'webview', `${script}.js`));
  const csp = `default-src 'none'; style-src ${webview.cspSource}; img-src ${webview.cspSource}; font-src ${webview.cspSource}; script-src 'nonce-${n}'`;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${css}">
<title>${title.replace(/[<>&"]/g, '')}</title>
</head>
<body class="${script}">
<main id="root" aria-busy="true"><p class="empty">Loading…</p></main>
<script nonce="${n}" src="${js}"></script>
</body>
</html>`;
}
