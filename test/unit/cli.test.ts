import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

import { readArticle } from '../../src/cli/files';

const CLI = resolve(__dirname, '..', '..', 'src', 'cli', 'cli.ts');
const run = (args: string[], input?: string) =>
  spawnSync(process.execPath, ['--import', 'tsx', CLI, ...args], { encoding: 'utf8', input, maxBuffer: 1 << 26 });

const folder = (files: Record<string, string | Buffer>): string => {
  const dir = mkdtempSync(join(tmpdir(), 'crosscheck-cli-'));
  for (const [name, body] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), body);
  }
  return dir;
};

const ARTICLE = 'date 2026-03-10 Harbour Post/ The ship ran aground on Tuesday, officials said.\n\nThe port authority denied that oil had leaked.\n';

test('analyze prints one JSON object whose spans are slices of the file text', () => {
  const dir = folder({ 'a.txt': ARTICLE, 'sub/b.md': ARTICLE.replace('Tuesday', 'Monday') });
  const r = run(['analyze', '--format', 'json', dir]);
  assert.equal(r.status, 0, r.stderr);
  const out = JSON.parse(r.stdout);
  assert.equal(out.version, 1);
  assert.equal(out.documents.length, 2);
  for (const doc of out.documents) {
    assert.equal(doc.published, '2026-03-10');
    assert.equal(doc.outlet, 'Harbour Post');
    const text = doc.path.endsWith('a.txt') ? ARTICLE : ARTICLE.replace('Tuesday', 'Monday');
    for (const kind of ['entities', 'hedges', 'claims'] as const) for (const s of doc[kind]) assert.equal(s.text, text.slice(s.start, s.end));
    for (const a of doc.attributions) for (const s of [a.cue, a.source, a.content]) if (s) assert.equal(s.text, text.slice(s.start, s.end));
  }
  const ids = out.documents.flatMap((d: { claims: { id: string }[] }) => d.claims.map((c) => c.id));
  assert.equal(new Set(ids).size, ids.length, 'claim ids are unique across the output');
});

test('bad files are skipped with a warning and the rest analysed', () => {
  const dir = folder({
    'good.txt': ARTICLE,
    'empty.txt': '',
    'binary.txt': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x01]),
    'latin1.txt': Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x20, 0x6e, 0x6f, 0x69, 0x72]),
    'utf16.txt': Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('The army denied it, officials said.', 'utf16le')]),
    'huge.txt': 'word '.repeat(500_000),
    'notes.json': '{}',
  });
  symlinkSync(dir, join(dir, 'loop'));
  const r = run(['analyze', dir]);
  assert.equal(r.status, 0, r.stderr);
  const paths = JSON.parse(r.stdout).documents.map((d: { path: string }) => d.path.split('/').pop()).sort();
  assert.deepEqual(paths, ['good.txt', 'utf16.txt']);
  assert.match(r.stderr, /empty\.txt: empty, skipped/);
  assert.match(r.stderr, /binary\.txt: (binary|not valid UTF-8)/);
  assert.match(r.stderr, /latin1\.txt: not valid UTF-8/);
  assert.match(r.stderr, /huge\.txt: larger than/);
});

test('exit codes follow the contract: 2 for bad usage, 1 when nothing could be read', () => {
  assert.equal(run([]).status, 2);
  assert.equal(run(['frobnicate']).status, 2);
  assert.equal(run(['analyze']).status, 2);
  assert.equal(run(['analyze', '--format', 'pdf', 'x']).status, 2);
  assert.equal(run(['analyze', '--nope', 'x']).status, 2);
  const empty = folder({ 'empty.txt': '   \n' });
  assert.equal(run(['analyze', empty]).status, 1);
  assert.equal(run(['analyze', join(empty, 'missing.txt')]).status, 1);
});

test('md and html reports name the articles and escape article text', () => {
  const dir = folder({ 'a.txt': ARTICLE + '<script>alert(1)</script> said the [link](command:evil).\n' });
  const md = run(['analyze', '--format', 'md', dir]);
  assert.equal(md.status, 0, md.stderr);
  assert.match(md.stdout, /^# Crosscheck report/);
  assert.match(md.stdout, /Harbour Post/);
  const html = run(['analyze', '--format', 'html', dir]);
  assert.match(html.stdout, /<!DOCTYPE html>/);
  assert.doesNotMatch(html.stdout, /<script>/);
  assert.match(html.stdout, /&lt;script&gt;/);
});

test('match reads JSON lines and answers one line per pair, in order', () => {
  const dir = folder({
    'pairs.jsonl': [
      JSON.stringify({ id: 'p1', a: 'The ship ran aground near the port on Tuesday.', b: 'The ship ran aground near the port on Tuesday.' }),
      'not json',
      JSON.stringify({ id: 'p2', a: 'Prices rose in March.', b: 'The team won the final.' }),
    ].join('\n'),
  });
  const r = run(['match', '--jsonl', join(dir, 'pairs.jsonl')]);
  assert.equal(r.status, 0, r.stderr);
  const rows = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
  assert.deepEqual(rows.map((x) => x.id), ['p1', 'p2']);
  for (const row of rows) {
    assert.equal(typeof row.same, 'boolean');
    assert.ok(row.score >= 0 && row.score <= 1);
    assert.ok(['agree', 'discrepancy', 'contradiction', 'unrelated'].includes(row.relation));
  }
  assert.equal(rows[1].same, false);
  assert.match(r.stderr, /not JSON, skipped/);
});

test('a named pipe, a missing file and a folder given as a file are refused with a reason, never read (a pipe would block)', () => {
  const dir = folder({ 'good.txt': ARTICLE });
  const fifo = join(dir, 'pipe.txt');
  const made = spawnSync('mkfifo', [fifo]).status === 0;
  const r = run(['analyze', join(dir, 'good.txt'), join(dir, 'gone.txt'), ...(made ? [fifo] : [])]);
  assert.equal(r.status, 0, r.stderr);
  assert.equal(JSON.parse(r.stdout).documents.length, 1);
  assert.match(r.stderr, /gone\.txt: cannot be read \(ENOENT\)/);
  if (made) assert.match(r.stderr, /pipe\.txt: not a regular file/);
  // the worker's reader, for files that vanish or change kind between listing and reading
  assert.deepEqual(readArticle(join(dir, 'gone.txt'), 1 << 20), { ok: false, reason: 'cannot be read (ENOENT)' });
  assert.deepEqual(readArticle(dir, 1 << 20), { ok: false, reason: 'not a regular file (a pipe, socket or device)' });
  if (made) assert.deepEqual(readArticle(fifo, 1 << 20), { ok: false, reason: 'not a regular file (a pipe, socket or device)' });
});
