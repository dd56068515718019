import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createCrosscheck, renderHtmlReport, renderMarkdownReport, toContractJson, type AliasFile, type AnalyzedDocument } from '../core/index';
import { collectArticles, DEFAULT_MAX_BYTES, readArticle } from './files';
import { parseAliasFile } from '../core/crossref/aliases';

const USAGE = `Usage:
  crosscheck analyze [--format json|md|html] [--out FILE] [--max-bytes N] [--aliases FILE] PATH...
  crosscheck match --jsonl FILE

analyze  reads article files (*.txt, *.md, *.markdown, *.article, *.news; folders recursively) and prints
         entities, attributions, hedges, claims and the cross-reference of claims between them.
match    reads lines {"id","a","b"} and prints {"id","same","score","relation"} per line.`;

interface Args {
  readonly command: string | undefined;
  readonly flags: Map<string, string>;
  readonly paths: string[];
}

const VALUE_FLAGS = new Set(['format', 'out', 'max-bytes', 'aliases', 'jsonl']);

function parse(argv: readonly string[]): Args | string {
  const [command, ...rest] = argv;
  const flags = new Map<string, string>();
  const paths: string[] = [];
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i]!;
    if (!a.startsWith('--')) { paths.push(a); continue; }
    const eq = a.indexOf('=');
    const name = eq > 0 ? a.slice(2, eq) : a.slice(2);
    if (!VALUE_FLAGS.has(name)) return `unknown option --${name}`;
    const value = eq > 0 ? a.slice(eq + 1) : rest[++i];
    if (value === undefined) return `--${name} needs a value`;
    flags.set(name, value);
  }
  return { command, flags, paths };
}

/** models/ner.json beside dist/ (the bundle) or two levels up (running from src/ in tests). */
function modelPath(): string {
  const candidates = [join(__dirname, '..', 'models', 'ner.json'), join(__dirname, '..', '..', 'models', 'ner.json')];
  return candidates.find((p) => existsSync(p)) ?? candidates[0]!;
}

const host = {
  readNerModel: () => readFileSync(modelPath(), 'utf8'),
  warn: (m: string) => process.stderr.write(`crosscheck: ${m}\n`),
};

/** Runs the CLI and returns its exit code: 0 done, 1 nothing readable, 2 bad usage (CONTRACT.md). */
export function run(argv: readonly string[]): number {
  const args = parse(argv);
  if (typeof args === 'string') return usage(args);
  if (args.command === '--help' || args.command === 'help' || args.command === '-h') {
    process.stdout.write(USAGE + '\n');
    return 0;
  }
  if (args.command === 'analyze') return analyze(args);
  if (args.command === 'match') return match(args);
  return usage(args.command ? `unknown command ${args.command}` : 'no command given');
}

function usage(problem: string): number {
  process.stderr.write(`crosscheck: ${problem}\n${USAGE}\n`);
  return 2;
}

function analyze(args: Args): number {
  const format = args.flags.get('format') ?? 'json';
  if (!['json', 'md', 'html'].includes(format)) return usage(`--format must be json, md or html, not ${format}`);
  const maxBytes = args.flags.has('max-bytes') ? Number(args.flags.get('max-bytes')) : DEFAULT_MAX_BYTES;
  if (!(maxBytes > 0)) return usage('--max-bytes must be a positive number');
  if (!args.paths.length) return usage('analyze needs at least one file or folder');
  let aliases: AliasFile = { same: [], different: [] };
  const aliasPath = args.flags.get('aliases');
  if (aliasPath) {
    try {
      const parsed = parseAliasFile(readFileSync(aliasPath, 'utf8'));
      aliases = parsed.aliases;
      for (const p of parsed.problems) host.warn(`${aliasPath}: ${p}`);
    } catch (e) {
      host.warn(`${aliasPath}: cannot be read (${(e as Error).message}); no aliases used`);
    }
  }
  const engine = createCrosscheck(host);
  const docs: AnalyzedDocument[] = [];
  const files = collectArticles(args.paths, host.warn);
  for (const f of files) {
    const r = readArticle(f.absolute, maxBytes);
    if (!r.ok) { host.warn(`${f.path}: ${r.reason}, skipped`); continue; }
    // readArticle has removed the BOM; a second U+FEFF is text (stripping it again shifted every offset by one).
    const text = r.text;
    try {
      docs.push({ id: f.path, text, analysis: engine.analyze(text) });
    } catch (e) {
      host.warn(`${f.path}: analysis failed (${(e as Error).message}), skipped`);
    }
  }
  if (!docs.length) {
    host.warn('no document could be analysed');
    return 1;
  }
  const ws = engine.crossReference(docs, aliases);
  const output = format === 'json' ? JSON.stringify(toContractJson(docs, ws)) + '\n'
    : format === 'md' ? renderMarkdownReport(docs, ws) : renderHtmlReport(docs, ws);
  const out = args.flags.get('out');
  if (out) writeFileSync(out, output);
  else process.stdout.write(output);
  return 0;
}

function match(args: Args): number {
  const file = args.flags.get('jsonl');
  if (!file) return usage('match needs --jsonl FILE');
  let input: string;
  try {
    input = readFileSync(file === '-' ? 0 : file, 'utf8');
  } catch (e) {
    host.warn(`${file}: cannot be read (${(e as Error).message})`);
    return 1;
  }
  const engine = createCrosscheck(host);
  const lines: string[] = [];
  let lineNo = 0;
  for (const line of input.split('\n')) {
    lineNo++;
    if (!line.trim()) continue;
    let row: { id?: unknown; a?: unknown; b?: unknown } | null;
    try {
      row = JSON.parse(line);
    } catch {
      host.warn(`${file}:${lineNo}: not JSON, skipped`);
      continue;
    }
    // A line of `null` parses; reading its fields threw and ended the whole run (found by the property tests).
    if (typeof row !== 'object' || row === null || typeof row.a !== 'string' || typeof row.b !== 'string') {
      host.warn(`${file}:${lineNo}: needs string fields "a" and "b", skipped`);
      continue;
    }
    const r = engine.match(row.a, row.b);
    lines.push(JSON.stringify({ id: row.id ?? null, same: r.same, score: Math.round(r.score * 1000) / 1000, relation: r.relation }));
  }
  process.stdout.write(lines.join('\n') + (lines.length ? '\n' : ''));
  return lines.length ? 0 : 1;
}
