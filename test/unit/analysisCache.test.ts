import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AnalysisCache } from '../../src/extension/analysisCache';
import { createCrosscheck } from '../../src/core/index';
import { readModel } from './sharedData';

const core = createCrosscheck({ readNerModel: readModel });
const engine = () => core;

const TEXT = 'PORT ELLIS, March 3 (Northwire) - Harbour master Anna Kowalczyk said on Tuesday that 14 sailors were rescued, officials said.\n';
const fresh = () => mkdtempSync(join(tmpdir(), 'crosscheck-cache-'));
const entries = (dir: string) => readdirSync(dir).filter((n) => n.endsWith('.json.gz'));

test('an analysis put in the cache comes back equal, tokens included', () => {
  const dir = fresh();
  const cache = new AnalysisCache(dir, 'build-1');
  const analysis = engine().analyze(TEXT, {});
  assert.deepEqual(cache.get(TEXT, {}), { miss: 'absent' });
  cache.put(TEXT, {}, analysis);
  const found = cache.get(TEXT, {});
  assert.ok('hit' in found);
  assert.deepEqual(found.hit, analysis);
  assert.equal(entries(dir).length, 1);
  assert.deepEqual(readdirSync(dir).filter((n) => n.endsWith('.tmp')), [], 'no temporary file left');
});

test('another text, other options or another build never hit', () => {
  const dir = fresh();
  const cache = new AnalysisCache(dir, 'build-1');
  cache.put(TEXT, {}, engine().analyze(TEXT, {}));
  assert.deepEqual(cache.get(TEXT + ' ', {}), { miss: 'absent' });
  assert.deepEqual(cache.get(TEXT, { extraHedges: ['rumoured'] }), { miss: 'absent' });
  assert.deepEqual(new AnalysisCache(dir, 'build-2').get(TEXT, {}), { miss: 'absent' });
});

test('a damaged entry is reported as damaged, deleted, and can be written again', () => {
  const dir = fresh();
  const cache = new AnalysisCache(dir, 'build-1');
  const analysis = engine().analyze(TEXT, {});
  for (const garbage of [Buffer.from('not gzip at all'), Buffer.from([0x1f, 0x8b, 0x08, 0x00]), Buffer.alloc(0)]) {
    cache.put(TEXT, {}, analysis);
    const [name] = entries(dir);
    writeFileSync(join(dir, name!), garbage);
    assert.deepEqual(cache.get(TEXT, {}), { miss: 'damaged' });
    assert.deepEqual(entries(dir), [], 'the damaged entry is gone');
  }
  cache.put(TEXT, {}, analysis);
  assert.ok('hit' in cache.get(TEXT, {}));
});

test('a cache folder that cannot be written costs the cache, never a throw', () => {
  const blocker = join(fresh(), 'a-file');
  writeFileSync(blocker, 'x');
  const cache = new AnalysisCache(join(blocker, 'analyses'), 'build-1');
  cache.put(TEXT, {}, engine().analyze(TEXT, {}));
  assert.deepEqual(cache.get(TEXT, {}), { miss: 'absent' });
  assert.equal(cache.prune(), 0);
});

test('pruning deletes the least recently used entries past the size limit, and stale temporary files', () => {
  const dir = fresh();
  const texts = [0, 1, 2, 3].map((i) => `${TEXT}Paragraph ${i} adds words.\n`);
  const writer = new AnalysisCache(dir, 'b');
  // entry i written i minutes ago, oldest first; remember each one's file
  const files = texts.map((t, i) => {
    const before = new Set(entries(dir));
    writer.put(t, {}, engine().analyze(t, {}));
    const name = entries(dir).find((n) => !before.has(n))!;
    const when = new Date(Date.now() - (10 - i) * 60_000);
    utimesSync(join(dir, name), when, when);
    return name;
  });
  const largest = Math.max(...files.map((n) => statSync(join(dir, n)).size));
  const cache = new AnalysisCache(dir, 'b', largest * 2.5);
  assert.ok('hit' in cache.get(texts[0]!, {}), 'reading entry 0 makes it the most recently used');
  writeFileSync(join(dir, 'stray.json.gz.1.x.tmp'), 'half');
  const old = new Date(Date.now() - 3_600_000);
  utimesSync(join(dir, 'stray.json.gz.1.x.tmp'), old, old);
  assert.equal(cache.prune(), 3, 'the two least recently used entries and the stale temporary file');
  assert.deepEqual(entries(dir).sort(), [files[0]!, files[3]!].sort());
});
