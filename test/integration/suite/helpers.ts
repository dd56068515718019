import * as vscode from 'vscode';
import type { CrosscheckApi } from '../../../src/extension/extension';

/** Resolves with the first event that passes `accept`, or fails after `ms` (never sleeps). */
export function waitFor<T>(event: vscode.Event<T>, accept: (value: T) => boolean = () => true, ms = 20_000, what = 'event'): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => { sub.dispose(); reject(new Error(`timed out after ${ms} ms waiting for ${what}`)); }, ms);
    const sub = event((v) => {
      if (!accept(v)) return;
      clearTimeout(timer);
      sub.dispose();
      resolve(v);
    });
  });
}

/** Activates the extension under test and returns its API once the first indexing is cross-referenced. */
export async function api(): Promise<CrosscheckApi> {
  const ext = vscode.extensions.getExtension<CrosscheckApi>('crosscheck.crosscheck');
  if (!ext) throw new Error('the extension under test is not loaded');
  const a = await ext.activate();
  await a.initialIndexing;
  await a.index.crossReferenced();
  return a;
}

/** The workspace folder the runner made from the seeds. */
export function workspaceFolder(): vscode.Uri {
  const f = vscode.workspace.workspaceFolders?.[0];
  if (!f) throw new Error('no workspace folder open');
  return f.uri;
}

/** Seed article files in the workspace, sorted. */
export async function seedUris(): Promise<vscode.Uri[]> {
  const entries = await vscode.workspace.fs.readDirectory(workspaceFolder());
  return entries.filter(([n, t]) => t === vscode.FileType.File && /^\d{3}_.*\.txt$/.test(n)).map(([n]) => vscode.Uri.joinPath(workspaceFolder(), n)).sort((a, b) => a.path.localeCompare(b.path));
}

/** Opens a document in an editor and waits until its highlights are drawn. */
export async function openAndDraw(a: CrosscheckApi, uri: vscode.Uri): Promise<vscode.TextEditor> {
  const drawn = waitFor(a.onDidDraw, (u) => u.toString() === uri.toString(), 20_000, `highlights of ${uri.path}`);
  const editor = await vscode.window.showTextDocument(uri, { preview: false });
  if (!a.decorations(uri)) await drawn;
  return editor;
}

/** Hover texts at a position, joined. */
export async function hoverText(uri: vscode.Uri, pos: vscode.Position): Promise<string> {
  const hovers = (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, pos)) ?? [];
  return hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))).join('\n');
}

export async function closeAll(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}
