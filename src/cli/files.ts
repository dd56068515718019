import { readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { extname, join, relative } from 'node:path';

/** Extensions read as articles when a folder is given (CONTRACT.md). */
export const ARTICLE_EXTENSIONS = ['.txt', '.md', '.markdown', '.article', '.news'];
/** Files larger than this are skipped unless --max-bytes says otherwise. */
export const DEFAULT_MAX_BYTES = 2 * 1024 * 1024;

export interface ArticleFile {
  /** As given, or relative to the folder given. */
  readonly path: string;
  readonly absolute: string;
}

/** Expands files and folders (recursively, following no symlink loop) into article files, sorted per folder. */
export function collectArticles(paths: readonly string[], warn: (m: string) => void): ArticleFile[] {
  const out: ArticleFile[] = [];
  for (const p of paths) {
    let st;
    try {
      st = statSync(p);
    } catch (e) {
      warn(`${p}: cannot be read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}), skipped`);
      continue;
    }
    if (st.isFile()) out.push({ path: p, absolute: p });
    else if (st.isDirectory()) walk(p, p, new Set(), out, warn);
    else warn(`${p}: not a regular file (a pipe, socket or device), skipped`);
  }
  return out;
}

function walk(root: string, dir: string, seen: Set<string>, out: ArticleFile[], warn: (m: string) => void): void {
  let real: string;
  try {
    real = realpathSync(dir);
  } catch {
    warn(`${dir}: cannot be resolved, skipped`);
    return;
  }
  if (seen.has(real)) return; // a symlink loop
  seen.add(real);
  let names: string[];
  try {
    names = readdirSync(dir).sort();
  } catch (e) {
    warn(`${dir}: cannot be listed (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}), skipped`);
    return;
  }
  for (const name of names) {
    if (name === 'node_modules' || name.startsWith('.')) continue;
    const full = join(dir, name);
    let st;
    try {
      st = statSync(full);
    } catch {
      continue; // a dangling link or a file deleted meanwhile
    }
    if (st.isDirectory()) walk(root, full, seen, out, warn);
    else if (st.isFile() && ARTICLE_EXTENSIONS.includes(extname(name).toLowerCase())) out.push({ path: relative(process.cwd(), full) || full, absolute: full });
  }
}

export type ReadResult = { ok: true; text: string } | { ok: false; reason: string };

/**
 * Reads an article as UTF-8 (its BOM removed; UTF-16 with a BOM decoded), refusing binary, invalid,
 * empty and oversized files with a reason a person understands.
 */
export function readArticle(path: string, maxBytes: number): ReadResult {
  let bytes: Buffer;
  try {
    const st = statSync(path);
    // a named pipe or device would block the read forever
    if (!st.isFile()) return { ok: false, reason: 'not a regular file (a pipe, socket or device)' };
    const size = st.size;
    if (size > maxBytes) return { ok: false, reason: `larger than the ${Math.round(maxBytes / 1024)} KB limit (${Math.round(size / 1024)} KB)` };
    bytes = readFileSync(path);
  } catch (e) {
    return { ok: false, reason: `cannot be read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})` };
  }
  return decodeArticle(bytes);
}

/** Decodes file bytes as article text with its one BOM already removed (callers strip nothing), or says why it is not one. */
export function decodeArticle(bytes: Uint8Array): ReadResult {
  if (bytes.length === 0) return { ok: false, reason: 'empty' };
  let text: string;
  try {
    // Each decoder removes the one BOM it starts with (ignoreBOM: false), and only that one: a second U+FEFF is
    // text, and offsets count it (CONTRACT.md). Slicing the BOM off first made the decoder drop a second one too.
    if (bytes[0] === 0xff && bytes[1] === 0xfe) text = new TextDecoder('utf-16le', { fatal: true, ignoreBOM: false }).decode(bytes);
    else if (bytes[0] === 0xfe && bytes[1] === 0xff) text = new TextDecoder('utf-16be', { fatal: true, ignoreBOM: false }).decode(bytes);
    else text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return { ok: false, reason: 'not valid UTF-8 text' };
  }
  if (text.includes('\u0000')) return { ok: false, reason: 'binary (contains NUL bytes)' };
  if (!text.trim()) return { ok: false, reason: 'empty' };
  return { ok: true, text };
}
