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
  /** What was wrong with each folder's file at the last read, by file URI; shown to the user once per change. */
  private readonly problemsByFile = new Map<string, readonly string[]>();
  private readonly shown = new Map<string, string>();
  /** The folders the watchers were made for (multi-root: folders come and go). */
  private watchedFolders: string | null = null;
  /** Counts reloads: only the newest one's reading is kept (an older one may finish last). */
  private generation = 0;

  /**
   * `folderPath` gives a folder's own path, if it sets one: by default its `crosscheck.aliases.file` (multi-root: each
   * folder may set its own; in Restricted Mode VS Code hides workspace values of this restricted setting).
   */
  constructor(
    private relativePath: string,
    private readonly log: vscode.LogOutputChannel,
    private readonly folderPath: (folder: vscode.WorkspaceFolder) => string | undefined = folderSetting,
  ) {}

  /** The aliases file of a folder: the folder's own path, else the window's. */
  fileOf(folder: vscode.WorkspaceFolder): vscode.Uri {
    return vscode.Uri.joinPath(folder.uri, ...this.pathOf(folder).split(/[\\/]+/).filter(Boolean));
  }

  private pathOf(folder: vscode.WorkspaceFolder): string {
    return this.folderPath(folder) ?? this.relativePath;
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
    const generation = ++this.generation;
    const files = await Promise.all((vscode.workspace.workspaceFolders ?? []).map((f) => this.read(f)));
    // Granting trust fires both a trust and a configuration event, each reloading; the one begun last read the newest
    // setting, and an older reading that finishes after it must not replace it.
    if (generation !== this.generation) return this.current;
    this.problemsByFile.clear();
    for (const f of files) if (f.problems.length) this.problemsByFile.set(f.uri.toString(), f.problems);
    this.current = mergeAliasFiles(files.map((f) => f.aliases));
    this.reportProblems();
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
    const before = await this.read(folder);
    const next = change(before.aliases);
    const dir = vscode.Uri.joinPath(uri, '..');
    await vscode.workspace.fs.createDirectory(dir);
    if (before.problems.length) await this.backUp(uri);
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

  private async read(folder: vscode.WorkspaceFolder): Promise<{ uri: vscode.Uri; aliases: AliasFile; problems: readonly string[] }> {
    const uri = this.fileOf(folder);
    let text: string;
    try {
      text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
    } catch {
      return { uri, aliases: EMPTY, problems: [] }; // no corrections yet
    }
    return { uri, ...parseAliasFile(text) };
  }

  /** Every problem of the aliases files at the last read, as "file: problem". */
  problems(): string[] {
    return [...this.problemsByFile].flatMap(([uri, ps]) => ps.map((p) => `${vscode.workspace.asRelativePath(vscode.Uri.parse(uri))}: ${p}`));
  }

  /**
   * A damaged file is logged and shown once (until its problems change): its usable corrections are in force, the rest
   * is ignored, and the next correction rebuilds it after keeping a copy. "Rebuild Now" does that at once.
   */
  private reportProblems(): void {
    for (const uri of [...this.shown.keys()]) if (!this.problemsByFile.has(uri)) this.shown.delete(uri);
    for (const [key, problems] of this.problemsByFile) {
      const said = problems.join('\n');
      if (this.shown.get(key) === said) continue;
      this.shown.set(key, said);
      const uri = vscode.Uri.parse(key);
      const name = vscode.workspace.asRelativePath(uri);
      for (const p of problems) this.log.warn(`${name}: ${p}`);
      const message = `Crosscheck: the aliases file ${name} is damaged (${problems[0]}${problems.length > 1 ? `, and ${problems.length - 1} more` : ''}); ` +
        'the corrections that could be read are used. The next correction rebuilds it, keeping the old file as a .bak copy.';
      void vscode.window.showWarningMessage(message, 'Open File', 'Rebuild Now').then(async (pick) => {
        if (pick === 'Open File') await vscode.window.showTextDocument(uri);
        else if (pick === 'Rebuild Now') await this.rebuild(uri).catch((e: Error) => this.log.error(`could not rebuild ${name}: ${e.message}`));
      });
    }
  }

  /** Rewrites a damaged aliases file from its usable part, keeping the old one beside it. */
  async rebuild(uri: vscode.Uri): Promise<void> {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    if (folder) await this.edit((f) => f, uri);
  }

  /** Keeps a damaged file as `<name>.bak` before it is rewritten, so no hand-written correction is lost. */
  private async backUp(uri: vscode.Uri): Promise<void> {
    const bak = uri.with({ path: `${uri.path}.bak` });
    await vscode.workspace.fs.copy(uri, bak, { overwrite: true });
    this.log.info(`${vscode.workspace.asRelativePath(uri)} rebuilt; the damaged file is kept as ${vscode.workspace.asRelativePath(bak)}`);
  }

  dispose(): void {
    for (const w of this.watchers) w.dispose();
    this.changed.dispose();
  }
}

function folderSetting(folder: vscode.WorkspaceFolder): string | undefined {
  const own = vscode.workspace.getConfiguration('crosscheck', folder.uri).get<string>('aliases.file');
  return typeof own === 'string' && own.trim() ? own.trim() : undefined;
}
