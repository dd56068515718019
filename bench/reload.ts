// Reopening a folder: the worker reads N article files with an empty analysis cache (first open), then again with
// the cache it filled (every later open). `node --import tsx bench/reload.ts [N]` after `npm run build`.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { IndexingWorker } from '../src/extension/indexingWorker';
import { hasData, realArticles, replicate } from './corpus';

/** Seconds to index `n` articles cold and warm, and the cache's size on disk. */
export async function measureReload(n: number): Promise<{ articles: number; coldSeconds: number; warmSeconds: number; fromCache: number }> {
  const root = resolve(__dirname, '..');
  const tmp = mkdtempSync(join(tmpdir(), 'crosscheck-reload-'));
  const folder = join(tmp, 'articles');
  mkdirSync(folder);
  const files = replicate(realArticles(), n).map((text, i) => {
    const path = join(folder, `a${i}.txt`);
    writeFileSync(path, text);
    return { id: `file://${path}`, path };
  });
  const once = async (): Promise<{ seconds: number; cached: number }> => {
    const w = new IndexingWorker(join(root, 'dist', 'worker.js'), { modelPath: join(root, 'models', 'ner.json'), cacheDir: join(tmp, 'cache') });
    let cached = 0;
    const t = performance.now();
    await w.run(files, {}, 2 << 20, { analyzed: (m) => { if (m.cached) cached++; }, skipped: () => undefined, progress: () => undefined, warning: () => undefined });
    w.dispose();
    return { seconds: (performance.now() - t) / 1000, cached };
  };
  try {
    const cold = await once();
    const warm = await once();
    return { articles: n, coldSeconds: cold.seconds, warmSeconds: warm.seconds, fromCache: warm.cached };
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

if (require.main === module) {
  if (!hasData) console.log('reload bench SKIPPED: ../shared/eval/data is absent');
  else void measureReload(Number(process.argv[2] ?? 500)).then((r) => console.log(JSON.stringify(r)));
}
