/*
 * Dates as claims compare them: ISO days ("2025-05-16"), ISO weeks ("2025-W19"), months ("2025-05") or years,
 * resolved against the article's dateline. What cannot be resolved stays a lower-case weekday ("thursday") so that it
 * can still be compared with a resolved day's weekday.
 */

import { isoWeek } from '../entities/dates';

/* Hoisted: esbuild rewrites a \p{…} literal into `new RegExp(…)`, built each time it is evaluated. */
const MONTH_DAY = /^(\p{L}{3,9})\.? (\d{1,2})(?:st|nd|rd|th)?(?:,? (\d{4}))?$/u;
const DAY_MONTH = /^(\d{1,2})(?:st|nd|rd|th)? (\p{L}{3,9})\.?(?:,? (\d{4}))?$/u;
const MONTH_YEAR = /^(\p{L}{3,9})\.?(?:,? (\d{4}))?$/u;

/** Weekday names by `Date.getUTCDay()` index: `WEEKDAYS[5]` is "friday". */
export const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'] as const;
const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');
const iso = (d: Date): string => `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
const parseIso = (s: string): Date | null => {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return null;
  const d = new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!));
  return Number.isNaN(d.getTime()) || d.getUTCMonth() !== +m[2]! - 1 ? null : d;
};
const addDays = (d: Date, n: number): Date => new Date(d.getTime() + n * 86_400_000);

/** The weekday name of an ISO day: "2025-05-16" -> "friday"; null for anything else. */
export function weekdayOf(value: string): string | null {
  const d = parseIso(value);
  return d ? WEEKDAYS[d.getUTCDay()]! : null;
}

const MONTH_ABBR: Record<string, number> = { jan: 0, feb: 1, mar: 2, apr: 3, jun: 5, jul: 6, aug: 7, sep: 8, sept: 8, oct: 9, nov: 10, dec: 11 };
/** 0-based month of "May", "Sept.", "december"; -1 otherwise. */
const monthOf = (w: string): number => {
  const x = w.toLowerCase().replace(/\.$/, '');
  const full = MONTHS.indexOf(x);
  return full >= 0 ? full : Object.hasOwn(MONTH_ABBR, x) ? MONTH_ABBR[x]! : -1;
};

/**
 * Resolves a date expression against the dateline: with published "2025-05-16" (a Friday), "earlier today" ->
 * "2025-05-16", "Thursday" -> "2025-05-15", "last week" -> "2025-W19", "May 15, 2025" -> "2025-05-15", "2013" -> "2013".
 * Returns null when the text is not a date this resolver knows.
 */
export function resolveDate(text: string, published: string | null): string | null {
  const t = text.toLowerCase().replace(/[’']/g, "'").replace(/\s+/g, ' ').trim().replace(/^(?:on|since|by|from|in|until|as of) /, '');
  const anchor = published ? parseIso(published) : null;
  const isoDay = /^(\d{4})-(\d{2})-(\d{2})$/.exec(t);
  if (isoDay) return parseIso(t) ? t : null;
  if (/^(?:(?:earlier|later) )?(?:today|this (?:morning|afternoon|evening))$|^tonight$/.test(t)) return anchor ? iso(anchor) : 'today';
  if (/^(?:yesterday|last night)$/.test(t)) return anchor ? iso(addDays(anchor, -1)) : 'yesterday';
  if (t === 'tomorrow') return anchor ? iso(addDays(anchor, 1)) : 'tomorrow';
  const week = /^(last|this|next) week$/.exec(t);
  if (week) return anchor ? isoWeek(addDays(anchor, week[1] === 'last' ? -7 : week[1] === 'next' ? 7 : 0)) : t;
  const wd = /^(?:(last|this|next) )?(sunday|monday|tuesday|wednesday|thursday|friday|saturday)(?: (?:morning|afternoon|evening|night))?$/.exec(t);
  if (wd) {
    const target = WEEKDAYS.indexOf(wd[2] as (typeof WEEKDAYS)[number]);
    if (!anchor) return wd[2]!;
    const back = (anchor.getUTCDay() - target + 7) % 7;
    // News copy speaks of the past: "Thursday" in a Friday paper is yesterday; "next Monday" is ahead.
    const delta = wd[1] === 'next' ? (target - anchor.getUTCDay() + 7) % 7 || 7 : wd[1] === 'last' && back === 0 ? -7 : -back;
    return iso(addDays(anchor, delta));
  }
  const md = MONTH_DAY.exec(t) ?? null;
  const dm = md ? null : DAY_MONTH.exec(t);
  if (md || dm) {
    const month = monthOf(md ? md[1]! : dm![2]!);
    const day = Number(md ? md[2] : dm![1]);
    const yearText = md ? md[3] : dm![3];
    if (month >= 0 && day >= 1 && day <= 31) {
      const year = yearText ? Number(yearText) : anchor ? anchor.getUTCFullYear() : null;
      if (year === null) return `--${pad(month + 1)}-${pad(day)}`;
      const d = new Date(Date.UTC(year, month, day));
      if (d.getUTCMonth() !== month) return null;
      // "December 28" in a January paper without a year means last December.
      if (!yearText && anchor && d.getTime() - anchor.getTime() > 60 * 86_400_000) d.setUTCFullYear(year - 1);
      return iso(d);
    }
  }
  const my = MONTH_YEAR.exec(t);
  if (my) {
    const month = monthOf(my[1]!);
    if (month >= 0 && my[1]!.length >= 3 && (my[2] || MONTHS.includes(my[1]!))) {
      if (my[2]) return `${my[2]}-${pad(month + 1)}`;
      if (anchor) {
        const y = anchor.getUTCFullYear() - (month > anchor.getUTCMonth() ? 1 : 0);
        return `${y}-${pad(month + 1)}`;
      }
      return my[1]!;
    }
  }
  const year = /^(?:in )?((?:1[6-9]|20)\d{2})$/.exec(t);
  if (year) return year[1]!;
  return null;
}
