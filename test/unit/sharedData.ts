import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** `../shared` beside the checkout: the seeds and the annotated corpora. Absent on a newcomer's machine. */
export const SHARED = resolve(__dirname, '..', '..', '..', 'shared');
export const hasShared = existsSync(join(SHARED, 'seeds', 'expected.json'));

/** The `skip` option for tests that need ../shared: a visible reason instead of a silent pass. */
export const needsShared = hasShared ? false : `../shared is absent (${SHARED}); seed and corpus tests skipped`;

/** Reads a file under ../shared. */
export const readShared = (...parts: string[]): string => readFileSync(join(SHARED, ...parts), 'utf8');

/** Reads the shipped entity model, for tests that run the whole pipeline. */
export const readModel = (): string => readFileSync(resolve(__dirname, '..', '..', 'models', 'ner.json'), 'utf8');
