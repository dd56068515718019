import * as vscode from 'vscode';
import { formatAliasFile, parseAliasFile } from '../core/crossref/aliases';
import type { AliasFile } from '../core/index';
import { addDifferent, addSame, mergeAliasFiles } from './aliasEdits';

const EMPTY: AliasFile = { same: [], different: [] };

/**
 * The user's entity corrections, one aliases file per workspace folder (`crosscheck.aliases.file`). Writes go to a
 * temporary file renamed over the old one, so a crash never leaves half a file.
 */
export class AliasStore implements vscode.Disposable {
  private watchers: vscode.Disposable[] = [];
  private readonly changed = new vscode.EventEmitter<AliasFile>();
  readonly onDidChange = this.changed.event;
  private current: AliasFile = EMPTY;
  /** The folders the watchers were made for (multi-root: folders come and go). */
  private watchedFolders: string | null = null;

  constructor(private relativePath: string, private readonly log: vscode.LogOutputChannel) {}

  /**
   * The aliases file of a folder: the folder's own `crosscheck.aliases.file` (multi-root: each folder may set its own;
   * in Restricted Mode VS Code hides workspace values of this restricted setting), else the window's.
   */
  fileOf(folder: vscode.WorkspaceFolder): vscode.Uri {
    return vscode.Uri.joinPath(folder.uri, ...this.pathOf(folder).split(/[\\/]+/).filter(Boolean));
  }

  private pathOf(folder: vscode.WorkspaceFolder): string {
    const own = vscode.workspace.getConfiguration('crosscheck', folder.uri).get<string>('aliases.file');
    return typeof own === 'string' && own.trim() ? own.trim() : this.relativePath;
  }

  get aliases(): AliasFile {
    return this.current;
  }

  /** Re-reads every folder's file and watches them; call on start and when folders or the setting change. */
  async reload(relativePath = this.relativePath): Promise<AliasFile> {
    this.relativePath = relativePath;
    const folders = (vscode.workspace.workspaceFolders ?? []).map((f) => `${f.uri.toString()} ${this.pathOf(f)}`).join('\n');
    if (folders !== this.watchedFolders) {
      this.watchedFolders = folders;
      for (const w of this.watchers) w.dispose();
      this.watchers = (vscode.workspace.workspaceFolders ?? []).map((f) => {
        const w = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(f, this.pathOf(f)));
        const again = (): void => void this.reload();
        w.onDidChange(again); w.onDidCreate(again); w.onDidDelete(again);
        return w;
      });
    }
    const files = await Promise.all((vscode.workspace.workspaceFolders ?? []).map((f) => this.read(f)));
    this.current = mergeAliasFiles(files);
    this.changed.fire(this.current);
    return this.current;
  }

  /** "Oded Basiuk" and "Oded Bashk" are one person; saved in the folder of `near` (or the first folder). */
  async treatAsSame(a: string, b: string, near?: vscode.Uri): Promise<vscode.Uri> {
    return this.edit((f) => addSame(f, a, b), near);
  }

  /** "Bashk" is never "Bashar al-Assad". */
  async notTheSame(a: string, b: string, near?: vscode.Uri): Promise<vscode.Uri> {
    return this.edit((f) => addDifferent(f, a, b), near);
  }

  private async edit(change: (f: AliasFile) => AliasFile, near?: vscode.Uri): Promise<vscode.Uri> {
    const folder = (near && vscode.workspace.getWorkspaceFolder(near)) ?? vscode.workspace.workspaceFolders?.[0];
    if (!folder) throw new Error('Open a folder first: corrections are saved in the workspace.');
    const uri = this.fileOf(folder);
    const next = change(await this.read(folder));
    const dir = vscode.Uri.joinPath(uri, '..');
    await vscode.workspace.fs.createDirectory(dir);
    const temp = vscode.Uri.joinPath(dir, `.aliases-${process.pid}-${Date.now()}.tmp`);
    await vscode.workspace.fs.writeFile(temp, new TextEncoder().encode(formatAliasFile(next)));
    try {
      await vscode.workspace.fs.rename(temp, uri, { overwrite: true });
    } catch (e) {
      await vscode.workspace.fs.delete(temp).then(undefined, () => undefined);
      throw e;
    }
    await this.reload();
    return uri;
  }

  private async read(folder: vscode.WorkspaceFolder): Promise<AliasFile> {
    const uri = this.fileOf(folder);
    let text: string;
    try {
      text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
    } catch {
      return EMPTY; // no corrections yet
    }
    const { aliases, problems } = parseAliasFile(text);
    for (const p of problems) this.log.warn(`${vscode.workspace.asRelativePath(uri)}: ${p}`);
    return aliases;
  }

  dispose(): void {
    for (const w of this.watchers) w.dispose();
    this.changed.dispose();
  }
}
