import type { AliasFile } from '../core/index';

const same = (a: string, b: string): boolean => a.trim().toLowerCase() === b.trim().toLowerCase();

/** Records that two names are one entity: joins the groups holding them and drops any "different" pair between them. */
export function addSame(file: AliasFile, a: string, b: string): AliasFile {
  const names = [a.trim(), b.trim()];
  const touching = file.same.filter((g) => g.some((n) => names.some((x) => same(n, x))));
  const merged: string[] = [];
  for (const n of [...touching.flat(), ...names]) if (!merged.some((m) => same(m, n))) merged.push(n);
  const groups = [...file.same.filter((g) => !touching.includes(g)), merged];
  const groupOf = (n: string): readonly string[] => merged.some((m) => same(m, n)) ? merged : [n];
  const different = file.different.filter(([x, y]) => !(groupOf(x) === merged && groupOf(y) === merged));
  return { same: groups, different };
}

/** Records that two names must never be merged: adds the pair and takes the second name out of a group holding both. */
export function addDifferent(file: AliasFile, a: string, b: string): AliasFile {
  const x = a.trim(), y = b.trim();
  const groups = file.same
    .map((g) => (g.some((n) => same(n, x)) && g.some((n) => same(n, y)) ? g.filter((n) => !same(n, y)) : [...g]))
    .filter((g) => g.length >= 2);
  const exists = file.different.some(([p, q]) => (same(p, x) && same(q, y)) || (same(p, y) && same(q, x)));
  return { same: groups, different: exists ? file.different : [...file.different, [x, y]] };
}

/** Joins the alias files of several workspace folders. */
export function mergeAliasFiles(files: readonly AliasFile[]): AliasFile {
  return { same: files.flatMap((f) => f.same), different: files.flatMap((f) => f.different) };
}
