/*
 * Dates and times by rule, normalised against the article's dateline (TimeML-style values):
 * "Friday" -> "2025-05-16", "last week" -> "2025-W19", "May 15, 2025" -> "2025-05-15", "December" -> "2024-12".
 * Each pattern is a flat alternation with bounded repeats, so matching is linear in the text.
 */
import type { EntityType } from '../types';

/** A date or time found in text, with its normalised value when it can be resolved. */
export interface DateMatch {
  readonly start: number;
  readonly end: number;
  readonly type: Extract<EntityType, 'DATE' | 'TIME'>;
  readonly value?: string;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];
const MONTH = String.raw`(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan\.|Feb\.|Mar\.|Apr\.|Jun\.|Jul\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\.)`;
const WEEKDAY = String.raw`(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)`;
const NUMWORD = String.raw`(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|several|a few|\d{1,3})`;
const UNIT = String.raw`(?:days?|weeks?|months?|years?|decades?)`;
const PART = String.raw`(?:morning|afternoon|evening|night)`;
const EDGE = String.raw`(?:early|late|mid|mid-|earlier|later)`;
const RELUNIT = String.raw`(?:week|weekend|month|year|summer|winter|spring|autumn|fall|quarter)`;

/** Ordered patterns: the first that matches at a position wins, so longer forms come first. */
const PATTERN = new RegExp([
  // 2025-05-16, 2025-05-16T14:30
  String.raw`(?<iso>\b(?<isoY>\d{4})-(?<isoM>\d{2})-(?<isoD>\d{2})(?:T(?<isoT>\d{2}:\d{2}))?\b)`,
  // Friday, May 16, 2025 | May 16, 2025 | May 16 | May 2010 (with an optional weekday before)
  String.raw`(?<mdy>\b(?:${WEEKDAY},?\s{1,3})?(?:(?<mdyEdge>${EDGE})[\s-]{1,3})?(?:(?<mdyRel>[Ll]ast|[Nn]ext|[Tt]his)\s{1,3})?(?<mdyMonth>${MONTH})(?:\s{1,3}(?<mdyDay>\d{1,2})(?:st|nd|rd|th)?)?(?:,?\s{1,3}(?<mdyYear>(?:1[5-9]|20)\d{2}))?\b(?!-))`,
  // 16 May 2025, 16th of May
  String.raw`(?<dmy>\b(?<dmyDay>\d{1,2})(?:st|nd|rd|th)?\s{1,3}(?:of\s{1,3})?(?<dmyMonth>${MONTH})(?:,?\s{1,3}(?<dmyYear>(?:1[5-9]|20)\d{2}))?\b)`,
  // last Friday, next Monday, Friday morning
  String.raw`(?<wd>\b(?:(?<wdRel>[Ll]ast|[Nn]ext|[Tt]his|[Ee]arly|[Ll]ate)\s{1,3})?(?<wdDay>${WEEKDAY})(?:\s{1,3}(?<wdPart>${PART}))?\b)`,
  // two years ago, a week ago
  String.raw`(?<ago>\b(?<agoN>${NUMWORD})\s{1,3}(?<agoUnit>${UNIT})\s{1,3}(?:ago|earlier)\b)`,
  // last week, this year, next month, earlier this week, late last year, the last week
  String.raw`(?<rel>\b(?:(?<relEdge>[Ee]arly|[Ll]ate|[Ee]arlier|[Ll]ater|[Mm]id-)\s{0,3})?(?:[Tt]he\s{1,3}(?=last\s))?(?<relWhich>[Ll]ast|[Tt]his|[Nn]ext|[Cc]oming|[Pp]revious)\s{1,3}(?<relUnit>${RELUNIT})\b)`,
  // today, earlier today, yesterday, tomorrow, tonight, this morning
  String.raw`(?<day>\b(?:(?:[Ee]arlier|[Ll]ater)\s{1,3})?(?<dayWord>[Tt]oday|[Yy]esterday|[Tt]omorrow|[Tt]onight)(?:\s{1,3}(?<dayPart>${PART}))?\b)`,
  String.raw`(?<thisPart>\b[Tt]his\s{1,3}(?<tpPart>morning|afternoon|evening)\b)`,
  // 3 p.m., 10:30 a.m., 15:00 GMT, 8 PM
  String.raw`(?<time>\b(?<tH>\d{1,2})(?::(?<tM>\d{2}))?\s{0,2}(?<tAp>a\.m\.|p\.m\.|am\b|pm\b|AM\b|PM\b)(?:\s{1,2}(?:local\s{1,2}time|GMT|UTC|ET|EST|EDT))?|\b(?<tH24>[01]?\d|2[0-3]):(?<tM24>[0-5]\d)\s{0,2}(?:GMT|UTC|local\s{1,2}time)\b)`,
  // the 1990s
  String.raw`(?<decade>\b(?:the\s{1,3})?(?<decY>1[5-9]\d0|20[0-9]0)s\b)`,
  // in 2013, 1967 (a year alone; checked for context below)
  String.raw`(?<year>\b(?<yY>1[6-9]\d{2}|20\d{2})\b(?![.,]\d|\s{0,2}%))`,
].join('|'), 'g');

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');
const iso = (d: Date): string => `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
const addDays = (d: Date, n: number): Date => new Date(d.getTime() + n * 86_400_000);

/** ISO week of a date: 2025-05-16 -> "2025-W20". */
export function isoWeek(d: Date): string {
  const t = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
  const day = (t.getUTCDay() + 6) % 7;
  t.setUTCDate(t.getUTCDate() - day + 3);
  const firstThursday = new Date(Date.UTC(t.getUTCFullYear(), 0, 4));
  const week = 1 + Math.round(((t.getTime() - firstThursday.getTime()) / 86_400_000 - 3 + ((firstThursday.getUTCDay() + 6) % 7)) / 7);
  return `${t.getUTCFullYear()}-W${pad(week)}`;
}

const monthOf = (word: string): number => MONTHS.indexOf(word.slice(0, 3).toLowerCase());
const NUMBER_WORDS: Record<string, number> = {
  a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, fifteen: 15, twenty: 20, thirty: 30, forty: 40, fifty: 50,
};
const FUTURE = /\b(?:will|shall|upcoming|scheduled|expected\s+to|plans?\s+to|due\s+to|going\s+to|is\s+to|are\s+to)\b|['’]ll\b/i;
const YEAR_CONTEXT = /(?:\b(?:a|an|the|his|her|its|their|our|this|that|in|since|until|till|by|of|from|to|during|before|after|early|late|mid|around|between|and|year|summer|winter|spring|autumn|fall|season|end)\s{1,3}|[(–-]\s{0,2}|’|')$/i;
const PART_CODE: Record<string, string> = { morning: 'MO', afternoon: 'AF', evening: 'EV', night: 'NI', tonight: 'NI' };
const SEASON: Record<string, string> = { summer: 'SU', winter: 'WI', spring: 'SP', autumn: 'FA', fall: 'FA' };

/**
 * Finds dates and times in `text` and resolves them against `published` ("2025-05-16"):
 * "on Friday" -> "2025-05-16", "Thursday" -> "2025-05-15", "this week" -> "2025-W20", "in 2013" -> "2013".
 */
export function findDates(text: string, published: string | null): DateMatch[] {
  const anchor = published ? new Date(`${published}T00:00:00Z`) : null;
  const out: DateMatch[] = [];
  PATTERN.lastIndex = 0;
  for (let m = PATTERN.exec(text); m; m = PATTERN.exec(text)) {
    const g = m.groups ?? {};
    const start = m.index;
    const end = start + m[0].length;
    const sentence = sentenceAround(text, start, end);
    const future = FUTURE.test(sentence);
    const found = resolve(g, m[0], anchor, future, text, start);
    if (found) out.push({ start, end, ...found });
  }
  return out;
}

function sentenceAround(text: string, start: number, end: number): string {
  const a = Math.max(0, start - 120);
  const b = Math.min(text.length, end + 60);
  const before = text.slice(a, start);
  const cut = Math.max(before.lastIndexOf('. '), before.lastIndexOf('\n'));
  return (cut >= 0 ? before.slice(cut + 1) : before) + text.slice(end, b).split(/[.\n]/, 1)[0];
}

type Resolved = { type: 'DATE' | 'TIME'; value?: string } | null;

function resolve(g: Record<string, string | undefined>, whole: string, anchor: Date | null, future: boolean, text: string, start: number): Resolved {
  const y0 = anchor?.getUTCFullYear();
  if (g.iso) {
    const y = +g.isoY!, mo = +g.isoM!, d = +g.isoD!;
    if (mo < 1 || mo > 12 || d < 1 || d > 31) return null;
    const v = `${g.isoY}-${g.isoM}-${g.isoD}`;
    return g.isoT ? { type: 'TIME', value: `${v}T${g.isoT}` } : { type: 'DATE', value: y > 0 ? v : undefined };
  }
  if (g.mdy || g.dmy) {
    const monthWord = g.mdyMonth ?? g.dmyMonth!;
    const day = g.mdyDay ?? g.dmyDay;
    const yearText = g.mdyYear ?? g.dmyYear;
    // "May" alone is a modal verb more often than a month: require a date-like neighbour.
    if (monthWord === 'May' && !day && !yearText && !g.mdyEdge && !g.mdyRel && !/\b(?:in|since|until|by|of|from|to|during|early|late|mid|last|next|this|before|after|on)\s{1,3}$/i.test(text.slice(Math.max(0, start - 12), start))) return null;
    if (monthWord === 'March' && !day && !yearText && !/\b(?:in|since|until|by|of|from|during|early|late|last|next|this|before|after)\s{1,3}$/i.test(text.slice(Math.max(0, start - 12), start))) return null;
    const mo = monthOf(monthWord);
    const d = day ? +day : 0;
    if (d > 31) return null;
    let y = yearText ? +yearText : undefined;
    if (y === undefined && anchor && y0 !== undefined) {
      const m0 = anchor.getUTCMonth();
      const rel = g.mdyRel?.toLowerCase();
      if (rel === 'last') y = mo < m0 ? y0 : y0 - 1;
      else if (rel === 'next') y = mo > m0 ? y0 : y0 + 1;
      else if (rel === 'this' || d) y = y0;
      else if (future) y = mo >= m0 ? y0 : y0 + 1;
      else y = mo <= m0 ? y0 : y0 - 1;
    }
    const yy = y === undefined ? 'XXXX' : pad(y, 4);
    return { type: 'DATE', value: d ? `${yy}-${pad(mo + 1)}-${pad(d)}` : `${yy}-${pad(mo + 1)}` };
  }
  if (g.wd) {
    const target = WEEKDAYS.indexOf(g.wdDay!.toLowerCase());
    const part = g.wdPart ? PART_CODE[g.wdPart.toLowerCase()] : undefined;
    if (!anchor) return { type: part ? 'TIME' : 'DATE' };
    const today = (anchor.getUTCDay() + 6) % 7;
    const rel = g.wdRel?.toLowerCase();
    let delta: number;
    if (rel === 'next') delta = ((target - today + 7) % 7) || 7;
    else if (rel === 'last') delta = -(((today - target + 7) % 7) || 7);
    else if (future && !/\b(?:said|told|announced|reported)\b/.test(whole)) delta = (target - today + 7) % 7;
    else delta = -((today - target + 7) % 7);
    const v = iso(addDays(anchor, delta));
    return part ? { type: 'TIME', value: `${v}T${part}` } : { type: 'DATE', value: v };
  }
  if (g.ago) {
    const n = NUMBER_WORDS[g.agoN!.toLowerCase()] ?? (/^\d+$/.test(g.agoN!) ? +g.agoN! : NaN);
    const unit = g.agoUnit!.toLowerCase().replace(/s$/, '');
    if (!anchor || Number.isNaN(n) || y0 === undefined) return { type: 'DATE' };
    if (unit === 'day') return { type: 'DATE', value: iso(addDays(anchor, -n)) };
    if (unit === 'week') return { type: 'DATE', value: isoWeek(addDays(anchor, -7 * n)) };
    if (unit === 'month') {
      const d = new Date(Date.UTC(y0, anchor.getUTCMonth() - n, 1));
      return { type: 'DATE', value: `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}` };
    }
    if (unit === 'year') return { type: 'DATE', value: String(y0 - n) };
    return { type: 'DATE', value: String(Math.floor((y0 - 10 * n) / 10)) };
  }
  if (g.rel) {
    const which = g.relWhich!.toLowerCase();
    const unit = g.relUnit!.toLowerCase();
    const step = which === 'last' || which === 'previous' ? -1 : which === 'next' || which === 'coming' ? 1 : 0;
    if (!anchor || y0 === undefined) return { type: 'DATE' };
    if (unit === 'week') return { type: 'DATE', value: isoWeek(addDays(anchor, 7 * step)) };
    if (unit === 'weekend') return { type: 'DATE', value: `${isoWeek(addDays(anchor, 7 * step))}-WE` };
    if (unit === 'month') {
      const d = new Date(Date.UTC(y0, anchor.getUTCMonth() + step, 1));
      return { type: 'DATE', value: `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}` };
    }
    if (unit === 'year') return { type: 'DATE', value: String(y0 + step) };
    if (unit === 'quarter') {
      const q = Math.floor(anchor.getUTCMonth() / 3) + step;
      const y = y0 + Math.floor(q / 4);
      return { type: 'DATE', value: `${y}-Q${((q % 4) + 4) % 4 + 1}` };
    }
    const season = SEASON[unit]!;
    const m0 = anchor.getUTCMonth();
    const seasonStart = { SP: 2, SU: 5, FA: 8, WI: 11 }[season] ?? 0;
    let y = y0;
    if (step < 0) y = m0 > seasonStart + 2 ? y0 : y0 - 1;
    if (step > 0) y = m0 < seasonStart ? y0 : y0 + 1;
    return { type: 'DATE', value: `${y}-${season}` };
  }
  if (g.day) {
    const word = g.dayWord!.toLowerCase();
    const delta = word === 'yesterday' ? -1 : word === 'tomorrow' ? 1 : 0;
    const part = word === 'tonight' ? 'NI' : g.dayPart ? PART_CODE[g.dayPart.toLowerCase()] : undefined;
    if (!anchor) return { type: part ? 'TIME' : 'DATE' };
    const v = iso(addDays(anchor, delta));
    return part ? { type: 'TIME', value: `${v}T${part}` } : { type: 'DATE', value: v };
  }
  if (g.thisPart) {
    const part = PART_CODE[g.tpPart!.toLowerCase()]!;
    return anchor ? { type: 'TIME', value: `${iso(anchor)}T${part}` } : { type: 'TIME' };
  }
  if (g.time) {
    let h = +(g.tH ?? g.tH24 ?? 0);
    const min = g.tM ?? g.tM24 ?? '00';
    const ap = g.tAp?.toLowerCase().replace(/\./g, '');
    if (ap === 'pm' && h < 12) h += 12;
    if (ap === 'am' && h === 12) h = 0;
    if (h > 23 || +min > 59) return null;
    return { type: 'TIME', value: `${anchor ? iso(anchor) : ''}T${pad(h)}:${min}` };
  }
  if (g.decade) return { type: 'DATE', value: g.decY!.slice(0, 3) };
  if (g.year) {
    const before = text.slice(Math.max(0, start - 16), start);
    const after = text.slice(start + 4, start + 24);
    // A bare four-digit number is a year only where years are written: "in 2013", "(1967)", "2013 ." — not "2000 people".
    if (!YEAR_CONTEXT.test(before) && !/^(?:\s{0,2}(?:[.,;:)!?'’"”]|$)|\s(?:and|to|–|-)\s|[-–]\d{2,4}\b)/.test(after)) return null;
    if (/^\s{0,2}(?:people|troops|soldiers|men|women|children|tonnes|tons|km|miles|dollars|euros|shares|votes|points|times|members|workers|units|barrels|cars|homes|jobs)\b/i.test(after)) return null;
    return { type: 'DATE', value: g.yY! };
  }
  return null;
}
