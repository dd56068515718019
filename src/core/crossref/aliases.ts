import type { AliasFile } from '../types';

/**
 * Reads `.crosscheck/aliases.json`: `{"same": [["Oded Basiuk", "Oded Bashk"]], "different": [["Bashk", "Bashar al-Assad"]]}`.
 * Wrong shapes are reported, never fatal: the usable part is kept.
 */
export function parseAliasFile(json: string): { aliases: AliasFile; problems: string[] } {
  const problems: string[] = [];
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch (e) {
    return { aliases: { same: [], different: [] }, problems: [`not valid JSON (${(e as Error).message})`] };
  }
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) {
    return { aliases: { same: [], different: [] }, problems: ['expected an object with "same" and "different" lists'] };
  }
  const obj = raw as Record<string, unknown>;
  for (const key of Object.keys(obj)) if (key !== 'same' && key !== 'different' && key !== '$schema') problems.push(`unknown key "${key}"`);
  const lists = (key: string, size: number | null): string[][] => {
    const v = obj[key];
    if (v === undefined) return [];
    if (!Array.isArray(v)) { problems.push(`"${key}" must be a list of lists of names`); return []; }
    return v.flatMap((group, i) => {
      if (!Array.isArray(group) || !group.every((n) => typeof n === 'string' && n.trim()) || group.length < 2 || (size !== null && group.length !== size)) {
        problems.push(`"${key}"[${i}] must be a list of ${size ?? 'two or more'} names`);
        return [];
      }
      return [group.map((n: string) => n.trim())];
    });
  };
  const same = lists('same', null);
  const different = lists('different', 2).map((g) => [g[0]!, g[1]!] as [string, string]);
  return { aliases: { same, different }, problems };
}

/** Serialises aliases for writing back (stable, readable). */
export function formatAliasFile(aliases: AliasFile): string {
  return JSON.stringify({ same: aliases.same, different: aliases.different }, null, 2) + '\n';
}
