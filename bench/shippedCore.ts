/**
 * What the benchmark measures: the core's entry points, bundled by `shippedCore()` (corpus.ts) the way esbuild.mjs
 * bundles dist/ for the extension and the CLI.
 */
export { createCrosscheck, splitSentences, tokenize } from '../src/core/index';
export { loadTagger } from '../src/core/entities/tagger';
