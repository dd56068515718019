import type { Span } from '../types';

/** What the first lines of an article say about itself. */
export interface Dateline {
  readonly title: string;
  readonly outlet: string | null;
  readonly published: string | null;
  /** Where the dateline ends and the body begins, when a dateline was found. */
  readonly span: Span | null;
}

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const MONTH_ABBR = /^(jan|feb|mar|apr|may|jun|jul|aug|sept?|oct|nov|dec)\.?$/i;

// "date 2025-05-16 Shafaq News/ …", "2025-05-16 — Reuters — …"
const ISO_DATELINE = /^\s{0,20}(?:date:?\s{1,5})?(\d{4})-(\d{2})-(\d{2})(?:[ \t]{1,5}([\p{Lu}][^\n/|—–]{0,60}?)[ \t]{0,5}[/|—–])?/u;
// "BEIRUT, May 16, 2025 (Reuters) -", "WASHINGTON (AP) —", "**CAIRO**, June 3 (Gulf Monitor) —"
const CITY_DATELINE = /^\s{0,20}(?:#{1,6}[ \t]{1,3})?[*_]{0,2}([\p{Lu}][\p{Lu} .'-]{1,40}?)[*_]{0,2},?[ \t]{1,3}(?:(\p{L}{3,9}\.?)[ \t]{1,3}(\d{1,2}),?(?:[ \t]{1,3}(\d{4}))?[ \t]{0,3})?(?:\((\p{L}[\p{L} .&]{0,40})\))?[ \t]{0,3}[-—–:]/u;
const CONLL_DATELINE = /^([\p{Lu}][\p{Lu} .'-]{1,40}?)[ \t]{1,3}(\d{4})-(\d{2})-(\d{2})[ \t]*$/mu;
const PUBLISHED_LINE = /^(?:published|date|updated)[:\s]{1,5}(?:\p{L}{3,9},?\s{1,3})?(\p{L}{3,9}\.?)\s{1,3}(\d{1,2}),?\s{1,3}(\d{4})/imu;

/**
 * Reads the title, outlet and publication date from an article's head:
 * "date 2025-05-16 Shafaq News/ Israel and …" -> outlet "Shafaq News", published "2025-05-16".
 */
export function readDateline(text: string): Dateline {
  const head = text.slice(0, 2000);
  const firstLine = head.split(/\r?\n/, 1)[0]?.trim() ?? '';
  const iso = ISO_DATELINE.exec(head);
  if (iso) {
    const published = validDate(+iso[1]!, +iso[2]!, +iso[3]!);
    const outlet = iso[4]?.trim() || null;
    const end = iso.index + iso[0].length;
    const rest = text.slice(end).split(/\r?\n/, 1)[0]?.trim() ?? '';
    return { title: clip(rest || firstLine), outlet, published, span: { start: iso.index, end } };
  }
  const city = CITY_DATELINE.exec(head);
  if (city && (city[2] || city[5])) {
    const month = city[2] ? monthIndex(city[2]) : -1;
    const published = month >= 0 && city[4] ? validDate(+city[4], month + 1, +city[3]!) : null;
    return { title: clip(firstLine), outlet: city[5]?.trim() ?? null, published, span: { start: city.index, end: city.index + city[0].length } };
  }
  // "CNN\n–\nIsrael and …": an outlet's name on its own line above a dash line.
  const byline = /^[ \t]*([\p{Lu}][\p{L}.&]*(?:[ \t][\p{Lu}][\p{L}.&]*){0,3})[ \t]*\r?\n[ \t]*[-–—]{1,3}[ \t]*\r?\n/u.exec(head);
  if (byline) {
    const end = byline.index + byline[0].length;
    const next = text.slice(end).split(/\r?\n/, 1)[0]?.trim() ?? '';
    return { title: clip(next), outlet: byline[1]!, published: null, span: { start: byline.index, end } };
  }
  const conll = CONLL_DATELINE.exec(head);
  const pub = PUBLISHED_LINE.exec(head);
  let published: string | null = null;
  if (conll) published = validDate(+conll[2]!, +conll[3]!, +conll[4]!);
  else if (pub) {
    const m = monthIndex(pub[1]!);
    published = m >= 0 ? validDate(+pub[3]!, m + 1, +pub[2]!) : null;
  }
  return { title: clip(firstLine.replace(/^#+\s*/, '')), outlet: null, published, span: null };
}

/** 0-based month of "May", "Sept.", "december"; -1 when not a month. */
export function monthIndex(word: string): number {
  const w = word.toLowerCase().replace(/\.$/, '');
  const full = MONTHS.indexOf(w);
  if (full >= 0) return full;
  if (!MONTH_ABBR.test(word)) return -1;
  return MONTHS.findIndex((m) => m.startsWith(w.slice(0, 3)));
}

/** "2025-05-16" for a real calendar date, null for 2025-02-30. */
export function validDate(y: number, m: number, d: number): string | null {
  if (!(y >= 1000 && y <= 2999 && m >= 1 && m <= 12 && d >= 1 && d <= 31)) return null;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCMonth() !== m - 1) return null;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

function clip(s: string): string {
  return s.length > 140 ? s.slice(0, 139) + '…' : s;
}
