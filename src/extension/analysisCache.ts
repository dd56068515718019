import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, readdirSync, renameSync, statSync, unlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { constants, gunzipSync, gzipSync } from 'node:zlib';
import type { AnalysisOptions, DocumentAnalysis } from '../core/index';
import { tokenize } from '../core/text/tokenize';

const FORMAT = 1;

/** One cached analysis on disk: what it was computed from, so a stale or foreign entry is never used. */
interface Entry {
  readonly format: number;
  readonly build: string;
  readonly textLength: number;
  /** Without its tokens: they are `tokenize(text)` and would make up 60% of the entry. */
  readonly analysis: Omit<DocumentAnalysis, 'tokens'>;
}

/** What happened to a lookup; `damaged` entries were deleted and will be rebuilt. */
export type CacheLookup = { hit: DocumentAnalysis } | { miss: 'absent' | 'damaged' };

/**
 * Analyses kept on disk (the extension's workspace storage) so that reopening a folder re-reads its articles without
 * re-analysing them. An analysis is a pure function of the text, the options and the build (code and models), so
 * the key is a SHA-256 of all three. Entries are gzipped JSON without the tokens (about 0.6× the article's size;
 * loading one is some 20 times faster than analysing it). They are written to a temporary file and renamed (a crash never leaves half
 * an entry); a damaged entry is deleted and recomputed; the folder is pruned, oldest first, past `maxBytes`.
 */
export class AnalysisCache {
  constructor(private readonly dir: string, private readonly build: string, private readonly maxBytes = 256 * 1024 * 1024) {}

  /** A build fingerprint from the files an analysis depends on (the bundled code with its cue model, the NER model). */
  static fingerprint(files: readonly string[]): string {
    const h = createHash('sha256');
    for (const f of files) {
      try { h.update(readFileSync(f)); } catch { h.update(`missing:${f}`); }
    }
    return h.digest('hex').slice(0, 16);
  }

  private file(text: string, options: AnalysisOptions): string {
    const key = createHash('sha256').update(this.build).update('\0').update(JSON.stringify(options)).update('\0').update(text).digest('hex');
    return join(this.dir, `${key.slice(0, 40)}.json.gz`);
  }

  get(text: string, options: AnalysisOptions): CacheLookup {
    const file = this.file(text, options);
    let raw: Buffer;
    try { raw = readFileSync(file); } catch { return { miss: 'absent' }; }
    try {
      const e = JSON.parse(gunzipSync(raw).toString('utf8')) as Entry;
      if (e.format === FORMAT && e.build === this.build && e.textLength === text.length && isAnalysis(e.analysis)) {
        const now = new Date();
        try { utimesSync(file, now, now); } catch { /* pruning order only */ }
        return { hit: { ...e.analysis, tokens: tokenize(text) } };
      }
    } catch { /* damaged: below */ }
    try { unlinkSync(file); } catch { /* already gone */ }
    return { miss: 'damaged' };
  }

  put(text: string, options: AnalysisOptions, analysis: DocumentAnalysis): void {
    const file = this.file(text, options);
    const temp = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
    try {
      mkdirSync(this.dir, { recursive: true });
      const { tokens: _tokens, ...rest } = analysis;
      const entry: Entry = { format: FORMAT, build: this.build, textLength: text.length, analysis: rest };
      writeFileSync(temp, gzipSync(JSON.stringify(entry), { level: constants.Z_BEST_SPEED }));
      renameSync(temp, file);
    } catch {
      try { unlinkSync(temp); } catch { /* never written */ }
      // a full disk or a read-only folder costs the cache, never the analysis
    }
  }

  /** Deletes the oldest entries (and stray temporary files) until the folder is under `maxBytes`; returns how many. */
  prune(): number {
    let names: string[];
    try { names = readdirSync(this.dir); } catch { return 0; }
    const entries: { file: string; size: number; time: number }[] = [];
    let total = 0;
    let removed = 0;
    for (const n of names) {
      const file = join(this.dir, n);
      try {
        const st = statSync(file);
        if (n.endsWith('.tmp') && Date.now() - st.mtimeMs > 60_000) { unlinkSync(file); removed++; continue; }
        if (!n.endsWith('.json.gz')) continue;
        entries.push({ file, size: st.size, time: st.mtimeMs });
        total += st.size;
      } catch { /* gone meanwhile */ }
    }
    entries.sort((a, b) => a.time - b.time);
    for (const e of entries) {
      if (total <= this.maxBytes) break;
      try { unlinkSync(e.file); removed++; } catch { /* gone */ }
      total -= e.size;
    }
    return removed;
  }
}

function isAnalysis(a: unknown): a is DocumentAnalysis {
  if (!a || typeof a !== 'object') return false;
  const x = a as Record<string, unknown>;
  return Array.isArray(x.entities) && Array.isArray(x.attributions) && Array.isArray(x.claims) && Array.isArray(x.hedges) && Array.isArray(x.warnings);
}
