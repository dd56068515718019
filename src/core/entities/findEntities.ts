import type { TextContext } from '../text/context';
import { onTokenBounds, tokenStartingAt } from '../text/tokenize';
import type { EntityMention, EntityType, Token } from '../types';
import { labelsToRanges, type EntityTagger } from './tagger';
import { COUNTRIES, CITIES, DEMONYMS, MONTH_NAMES, NAME_PARTICLES, ORG_WORDS, REGIONS, TITLES, WEEKDAY_NAMES } from './gazetteer';
import { findDates } from './dates';
import { findNumbers, parseNumber } from './numbers';

/* Regular expressions used per token live here: esbuild rewrites a \p{…} literal into `new RegExp(…)`, built each time it is evaluated. */
const PUNCTUATION_ONLY = /^\p{P}+$/u;
const THREE_LETTERS_OR_MORE = /^\p{L}{3,}$/u;
const MLN_BLN = /^[mb]ln$/i;
const ONE_OR_TWO_CAPITALS = /^\p{Lu}{1,2}$/u;
const NAME_START = /^[\p{Lu}\p{N}@#]|^\p{Ll}{1,5}-\p{Lu}/u;
const TITLE_CASE_START = /^\p{Lu}\p{Ll}/u;
const CAPITAL_START = /^\p{Lu}/u;
const ARABIC_SURNAME = /^(?:al|el|ad|as|ash|az)-\p{Lu}\p{Ll}/u;
const TITLE_CASE_WORD = /^\p{Lu}\p{Ll}+$/u;
const AND_BEFORE_NAME = / and (?=\p{Lu})/u;
const DIGITS_ONLY = /^\d+$/;

/** Where the dateline names the outlet, so the head line's "CNN" is tagged ORG. */
export interface EntityHints {
  readonly outlet: string | null;
  readonly datelineEnd: number | null;
}

/** Sentences longer than this many tokens are tagged in windows, so one endless line stays linear. */
const WINDOW = 400;

/**
 * Capitalised words that open sentences and are never names on their own: "According to …", "Meanwhile, …".
 * (General English, not taken from any article.)
 */
const OPENERS = new Set([
  'According', 'Meanwhile', 'However', 'Moreover', 'Furthermore', 'Additionally', 'Also', 'Although', 'Though', 'While',
  'Since', 'After', 'Before', 'During', 'Despite', 'Following', 'Earlier', 'Later', 'Still', 'Yet', 'Instead', 'Indeed',
  'Nevertheless', 'Separately', 'Elsewhere', 'Previously', 'Recently', 'Initially', 'Finally', 'Today', 'Yesterday',
  'Tomorrow', 'The', 'A', 'An', 'This', 'That', 'These', 'Those', 'There', 'Here', 'It', 'He', 'She', 'They', 'We', 'I',
  'You', 'His', 'Her', 'Their', 'Our', 'Its', 'In', 'On', 'At', 'For', 'With', 'By', 'From', 'But', 'And', 'Or', 'If',
  'When', 'As', 'To', 'No', 'Not', 'Some', 'Many', 'Most', 'All', 'Both', 'Each', 'Other', 'Another', 'Such', 'What',
  'Who', 'Why', 'How', 'Where', 'Which', 'Asked', 'Speaking', 'Addressing', 'Commenting', 'Responding', 'Under', 'Amid',
  'Over', 'Without', 'Within', 'Between', 'Among', 'Against', 'Through', 'Until', 'Unlike', 'Like', 'Besides',
]);

/** Capitalised nouns that open sentences; never a name alone, though they may begin one ("Security Council"). */
const SINGLE_OPENERS = new Set([
  'Sources', 'Source', 'Officials', 'Interim', 'Former', 'Senior', 'Local', 'Residents', 'Witnesses', 'Analysts',
  'Critics', 'Experts', 'Diplomats', 'Observers', 'Reports', 'Security', 'Police', 'Troops', 'Forces', 'Militants',
  'Rebels', 'Protesters', 'Authorities', 'Officers', 'Soldiers', 'Lawmakers', 'Leaders', 'Negotiators', 'Investigators',
]);

/** Names whose "The" is part of them at a sentence start. */
const THE_NAMES = new Set(['Netherlands', 'Hague', 'Gambia']);

const MONTH_OR_DAY = new Set([...MONTH_NAMES, ...WEEKDAY_NAMES]);

/** Lowercase words a title phrase may contain: "Secretary of State", "Minister for Foreign Affairs". */
const TITLE_GLUE = new Set(['of', 'for', 'the', 'and']);
/** Capitalised words that continue a title after "of": "Secretary of State", "Minister of Defence". */
const TITLE_OBJECTS = new Set(['State', 'Defense', 'Defence', 'Foreign', 'Affairs', 'Interior', 'Finance', 'Justice', 'Health',
  'Homeland', 'Security', 'Energy', 'Commerce', 'Labor', 'Labour', 'Education', 'Treasury', 'Agriculture', 'Transportation',
  'Trade', 'Economy', 'Staff', 'Operations', 'Intelligence', 'Information', 'War', 'Culture', 'Tourism', 'Environment']);

const TYPE_OF: Record<string, EntityType> = { PER: 'PERSON', ORG: 'ORG', LOC: 'GPE', MISC: 'MISC' };

/**
 * Finds named entities and values: "Brig. Gen. Yosef Amrani" -> PERSON "Yosef Amrani", "Friday" -> DATE.
 * Mentions are sorted by start and never overlap.
 */
export function findEntities(ctx: TextContext, tagger: EntityTagger, hints: EntityHints): EntityMention[] {
  const { text, tokens, sentences } = ctx;
  const tagged: EntityMention[] = [];
  for (const s of sentences) {
    for (let from = s.firstToken; from < s.endToken; from += WINDOW) {
      const to = Math.min(s.endToken, from + WINDOW);
      // Punctuation, numbers and symbols alone name nothing; skip the tagger for them.
      let words = false;
      for (let i = from; i < to && !words; i++) words = tokens[i]!.kind === 'word';
      if (!words) continue;
      const window = to === s.endToken && from === s.firstToken ? s : { ...s, firstToken: from, endToken: to };
      const labels = tagger.tagSentence(tokens, window, text);
      for (const r of labelsToRanges(labels)) {
        const m = cleanNamed(tokens, from + r.from, from + r.to, r.type, s.firstToken, text);
        if (m) tagged.push(m);
      }
    }
  }
  // Rules over the tagger's names, in order: the outlet, split "X and Y", context words, patterns, repeats, types.
  addOutlet(tagged, ctx, hints);
  const named = splitCoordinated(tagged, ctx);
  extendByContext(named, ctx);
  addChannels(named, ctx);
  addArabicNames(named, ctx);
  addKnownPlaces(named, ctx);
  addRepeats(named, ctx);
  harmonise(named);
  const values: EntityMention[] = [];
  const aligned = (a: number, b: number): boolean => onTokenBounds(tokens, a, b);
  for (const d of findDates(text, ctx.published)) {
    if (aligned(d.start, d.end)) values.push(mention(text, d.start, d.end, d.type, d.value));
  }
  for (const n of findNumbers(text)) {
    if (aligned(n.start, n.end)) values.push(mention(text, n.start, n.end, n.type, n.value));
  }
  return merge(named, values);
}

function mention(text: string, start: number, end: number, type: EntityType, value?: string): EntityMention {
  return value === undefined ? { start, end, text: text.slice(start, end), type } : { start, end, text: text.slice(start, end), type, value };
}

/** Trims titles and stray punctuation from a tagged range and decides its fine type. */
function cleanNamed(tokens: readonly Token[], from: number, to: number, tag: string, sentenceStart: number, text: string): EntityMention | null {
  // Titles stay outside names: "Brig. Gen. Yosef Amrani" -> "Yosef Amrani", "Secretary of State Jane Holloway" -> "Jane Holloway".
  if (tag === 'PER') {
    let k = from;
    while (k < to - 1) {
      const w = tokens[k]!.text;
      if (TITLES.has(w) || TITLES.has(w.replace(/\.$/, ''))) { k++; continue; }
      if (k > from && TITLE_GLUE.has(w) && k + 1 < to - 1 && TITLE_OBJECTS.has(tokens[k + 1]!.text)) { k += 2; continue; }
      if (k > from && TITLE_OBJECTS.has(w) && TITLES.has(tokens[k - 1]!.text) === false && TITLE_GLUE.has(tokens[k - 1]!.text)) { k++; continue; }
      if (DEMONYMS.has(w) && k + 1 < to - 1 && TITLES.has(tokens[k + 1]!.text)) { k++; continue; }
      break;
    }
    from = k;
  }
  // A month or weekday, or a bare number, before a name is not part of it: "August National Association", "1994 Texas Open".
  while (to - from > 1 && (MONTH_OR_DAY.has(tokens[from]!.text) || DIGITS_ONLY.test(tokens[from]!.text))) from++;
  while (from < to && PUNCTUATION_ONLY.test(tokens[from]!.text)) from++;
  while (to > from && PUNCTUATION_ONLY.test(tokens[to - 1]!.text)) {
    // Keep a closing bracket that closes one inside the name: "Mladost ( L )".
    const t = tokens[to - 1]!.text;
    if (t === ')' && tokens.slice(from, to - 1).some((x) => x.text === '(')) break;
    to--;
  }
  if (to <= from) return null;
  const first = tokens[from]!;
  const last = tokens[to - 1]!;
  // Sentence-initial common words: "According", "Meanwhile", "Sources".
  if (to - from === 1 && (OPENERS.has(first.text) || SINGLE_OPENERS.has(first.text))) return null;
  // A spelled-out number that starts a sentence is a number, not a name: "Twelve crew members were rescued".
  if (to - from === 1 && THREE_LETTERS_OR_MORE.test(first.text) && !MLN_BLN.test(first.text) && !Number.isNaN(parseNumber(first.text.toLowerCase()))) return null;
  if (from === sentenceStart && OPENERS.has(first.text) && tag !== 'MISC' && !(first.text === 'The' && THE_NAMES.has(tokens[from + 1]?.text ?? ''))) {
    return cleanNamed(tokens, from + 1, to, tag, -1, text);
  }
  // A currency prefix ("C$", "A$") is not a name.
  if (to - from === 1 && ONE_OR_TWO_CAPITALS.test(first.text) && text.charCodeAt(first.end) === 36 /* $ */) return null;
  // A name starts with a capital letter or a digit; "al-Hamdan", "de Silva", "ex-England" are names too.
  if (!NAME_START.test(first.text) && !(to - from > 1 && NAME_PARTICLES.has(first.text))) return null;
  const surface = text.slice(first.start, last.end);
  return { start: first.start, end: last.end, text: surface, type: fineType(surface, tag) };
}

/** CoNLL classes to contract types: LOC -> GPE unless a region, MISC -> NORP for nationalities. */
function fineType(surface: string, tag: string): EntityType {
  if (tag === 'LOC') return REGIONS.has(surface) || (!COUNTRIES.has(surface) && !CITIES.has(surface) && /\b(?:River|Sea|Ocean|Mountains?|Heights|Valley|Desert|Gulf|Lake|Island|Islands|Peninsula|Strait|Bay|Plain|Plateau)\b/.test(surface)) ? 'LOC' : 'GPE';
  if (tag === 'MISC') {
    if (DEMONYMS.has(surface)) return 'NORP';
    if (/\b(?:War|Games|Olympics|Cup|Championships?|Open|Summit|Conference|Festival|Revolution|Uprising|Intifada|Election|Elections)$/.test(surface)) return 'EVENT';
    return 'MISC';
  }
  return TYPE_OF[tag] ?? 'MISC';
}

/** The outlet named by the dateline is an organisation wherever it appears as a whole: "CNN", "Levant Wire". */
function addOutlet(named: EntityMention[], ctx: TextContext, hints: EntityHints): void {
  const outlet = hints.outlet?.trim();
  if (!outlet || outlet.length < 2) return;
  const { text, tokens } = ctx;
  const starts = new Map<number, number>();
  tokens.forEach((t, i) => starts.set(t.start, i));
  for (let at = text.indexOf(outlet); at >= 0; at = text.indexOf(outlet, at + outlet.length)) {
    const end = at + outlet.length;
    const i = starts.get(at);
    if (i === undefined) continue;
    let j = i;
    while (j < tokens.length && tokens[j]!.end < end) j++;
    if (tokens[j]?.end !== end) continue;
    for (let k = named.length - 1; k >= 0; k--) {
      const e = named[k]!;
      if (e.start < end && at < e.end) named.splice(k, 1);
    }
    named.push({ start: at, end, text: outlet, type: 'ORG' });
  }
  named.sort((a, b) => a.start - b.start);
}

/**
 * Names the tagger found once are names wherever they recur as whole capitalised tokens: after "Rami Haddad",
 * a later "Haddad" is a PERSON too; a repeated "Amman" keeps its type.
 */
function addRepeats(named: EntityMention[], ctx: TextContext): void {
  const known = new Map<string, EntityType>();
  for (const e of named) {
    if (!known.has(e.text)) known.set(e.text, e.type);
    if (e.type === 'PERSON') {
      const parts = e.text.split(/\s+/);
      const lastName = parts[parts.length - 1]!;
      if (parts.length > 1 && TITLE_CASE_START.test(lastName) && !known.has(lastName)) known.set(lastName, 'PERSON');
    }
  }
  named.sort((a, b) => a.start - b.start);
  let p = 0;
  const taken = (a: number, b: number): boolean => {
    while (p < named.length && named[p]!.end <= a) p++;
    return p < named.length && named[p]!.start < b;
  };
  const added: EntityMention[] = [];
  ctx.tokens.forEach((t, i) => {
    const type = known.get(t.text);
    if (!type || !CAPITAL_START.test(t.text) || OPENERS.has(t.text) || SINGLE_OPENERS.has(t.text) || TITLES.has(t.text)) return;
    // Only single-token names here; a neighbouring capitalised word means a longer name the tagger saw differently.
    const prev = ctx.tokens[i - 1];
    const next = ctx.tokens[i + 1];
    if (next && CAPITAL_START.test(next.text) && next.start - t.end <= 1) return;
    if (prev && TITLE_CASE_START.test(prev.text) && t.start - prev.end <= 1 && !OPENERS.has(prev.text)) return;
    if (taken(t.start, t.end)) return;
    added.push({ start: t.start, end: t.end, text: t.text, type });
  });
  if (added.length) {
    named.push(...added);
    named.sort((a, b) => a.start - b.start);
  }
}

/** Nouns after a place name that make it a place: "Tal Rifaat village", "Idlib countryside". */
const PLACE_NOUNS = new Set(['village', 'town', 'city', 'province', 'district', 'countryside', 'governorate', 'region',
  'county', 'municipality', 'neighbourhood', 'neighborhood', 'camp', 'area', 'suburb', 'outskirts', 'border', 'crossing']);
/** Words ending an organisation that may take a number: "Channel 12", "Brigade 93". */
const NUMBERED = new Set(['Channel', 'TV', 'Radio', 'Brigade', 'Division', 'Unit', 'Battalion', 'Squadron', 'Flight', 'Route']);

/** Retypes and extends names by the word after them: "Tal Rifaat village" -> GPE, "Channel 12" -> "Channel 12". */
function extendByContext(named: EntityMention[], ctx: TextContext): void {
  const { tokens, text } = ctx;
  for (let k = 0; k < named.length; k++) {
    const e = named[k]!;
    let last = -1;
    for (let i = tokenStartingAt(tokens, e.start); i >= 0 && i < tokens.length && tokens[i]!.end <= e.end; i++) last = i;
    const next = tokens[last + 1];
    if (last < 0 || !next || next.start - e.end > 1) continue;
    const lastWord = tokens[last]!.text;
    if (PLACE_NOUNS.has(next.text) && (e.type === 'PERSON' || e.type === 'ORG')) {
      named[k] = { ...e, type: 'GPE' };
    } else if (NUMBERED.has(lastWord) && next.kind === 'number' && /^\d{1,4}$/.test(next.text)) {
      named[k] = { ...e, end: next.end, text: text.slice(e.start, next.end) };
    }
  }
}

/** "Bashir al-Hamdan" untagged or tagged in pieces: a capitalised given name and an "al-" surname is a person. */
function addArabicNames(named: EntityMention[], ctx: TextContext): void {
  const { tokens, text } = ctx;
  let changed = false;
  for (let i = 0; i + 1 < tokens.length; i++) {
    const t = tokens[i]!;
    const n = tokens[i + 1]!;
    const dash = n.text.indexOf('-');
    if (dash < 2 || dash > 3) continue;
    if (!ARABIC_SURNAME.test(n.text) || !TITLE_CASE_WORD.test(t.text) || n.start - t.end !== 1) continue;
    if (PLACE_PREFIXES.has(t.text) || ORG_PREFIXES.has(t.text) || OPENERS.has(t.text) || TITLES.has(t.text) || isPlace(t.text) || DEMONYMS.has(t.text)) continue;
    const inside = named.filter((e) => e.start < n.end && t.start < e.end);
    if (inside.some((e) => e.start < t.start || e.end > n.end)) continue;
    if (inside.length === 1 && inside[0]!.start === t.start && inside[0]!.end === n.end && inside[0]!.type !== 'PERSON' && inside[0]!.type !== 'ORG') continue;
    if (inside.length === 1 && inside[0]!.start === t.start && inside[0]!.end === n.end) continue;
    for (const e of inside) named.splice(named.indexOf(e), 1);
    named.push({ start: t.start, end: n.end, text: text.slice(t.start, n.end), type: 'PERSON' });
    changed = true;
  }
  if (changed) named.sort((a, b) => a.start - b.start);
}

/**
 * Country names and nationalities the tagger left out are still places and groups ("US President Jane Roe" -> GPE
 * "US"), unless a neighbouring capitalised word makes them part of a longer name ("American Express").
 */
function addKnownPlaces(named: EntityMention[], ctx: TextContext): void {
  const { tokens } = ctx;
  named.sort((a, b) => a.start - b.start);
  let p = 0;
  const added: EntityMention[] = [];
  const capital = (t: Token | undefined): boolean => !!t && CAPITAL_START.test(t.text);
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const country = COUNTRIES.has(t.text);
    if (!country && !DEMONYMS.has(t.text)) continue;
    while (p < named.length && named[p]!.end <= t.start) p++;
    if (p < named.length && named[p]!.start < t.end) continue;
    const prev = tokens[i - 1];
    const next = tokens[i + 1];
    if (capital(prev) && prev!.end + 1 >= t.start && !OPENERS.has(prev!.text) && !/^["“(]|^''$/.test(prev!.text)) continue;
    if (capital(next) && t.end + 1 >= next!.start && !TITLES.has(next!.text)) continue;
    added.push({ start: t.start, end: t.end, text: t.text, type: country ? 'GPE' : 'NORP' });
  }
  if (added.length) {
    named.push(...added);
    named.sort((a, b) => a.start - b.start);
  }
}

/** Broadcasters named by number are organisations: "Channel 12", "Channel 4". */
function addChannels(named: EntityMention[], ctx: TextContext): void {
  const { tokens, text } = ctx;
  let added = false;
  for (let i = 0; i + 1 < tokens.length; i++) {
    const t = tokens[i]!;
    const n = tokens[i + 1]!;
    if (t.text !== 'Channel' || n.kind !== 'number' || !/^\d{1,3}$/.test(n.text) || n.start - t.end > 1) continue;
    if (named.some((e) => e.start < n.end && t.start < e.end)) continue;
    named.push({ start: t.start, end: n.end, text: text.slice(t.start, n.end), type: 'ORG' });
    added = true;
  }
  if (added) named.sort((a, b) => a.start - b.start);
}

/**
 * Splits names the tagger ran together over "and" when both halves are names of their own:
 * "State Department and National Security Council" -> two ORGs.
 */
function splitCoordinated(named: EntityMention[], ctx: TextContext): EntityMention[] {
  const out: EntityMention[] = [];
  for (const e of named) {
    const m = AND_BEFORE_NAME.exec(e.text);
    if (!m || (e.type !== 'ORG' && e.type !== 'GPE' && e.type !== 'LOC')) { out.push(e); continue; }
    const left = e.text.slice(0, m.index);
    const right = e.text.slice(m.index + m[0].length);
    const lastLeft = left.split(' ').pop()!;
    const lastRight = right.split(' ').pop()!;
    if (!(ORG_HEADS.has(lastLeft) && ORG_HEADS.has(lastRight)) && !(e.type !== 'ORG' && (isPlace(left) || isPlace(right)))) { out.push(e); continue; }
    out.push({ ...e, end: e.start + left.length, text: left });
    const rs = e.start + m.index + m[0].length;
    out.push({ ...e, start: rs, text: ctx.text.slice(rs, e.end) });
  }
  return out;
}

/** Heads that end an organisation's name on their own: "State Department and National Security Council". */
const ORG_HEADS = new Set(['Department', 'Ministry', 'Council', 'Committee', 'Commission', 'Agency', 'Office', 'Bureau',
  'Authority', 'Forces', 'Army', 'Police', 'Court', 'Party', 'Bank', 'University', 'Parliament', 'Assembly', 'Treasury']);

const isPlace = (s: string): boolean => COUNTRIES.has(s) || CITIES.has(s) || REGIONS.has(s);

/** First words of Arabic place names: "Deir al-Balah", "Ras al-Ain", "Tal Rifaat". */
const PLACE_PREFIXES = new Set(['Deir', 'Dayr', 'Ras', 'Tel', 'Tal', 'Khan', 'Beit', 'Bayt', 'Bab', 'Jabal', 'Jebel', 'Wadi',
  'Ain', 'Kafr', 'Kfar', 'Bir', 'Umm', 'Dar', 'Sidi']);
/** First words of Arabic organisation names: "Hayat Tahrir al-Sham", "Jaish al-Islam", "Kataib Hezbollah". */
const ORG_PREFIXES = new Set(['Hayat', 'Hay’at', 'Jaish', 'Jaysh', 'Ansar', 'Harakat', 'Liwa', 'Saraya', 'Kataib', 'Jabhat', 'Asaib']);
/** "Bashir al-Hamdan", "Khalid bin Salman", "Abu Mohammed al-Julani": a given name and a transliterated surname. */
const ARABIC_NAME = /^\p{Lu}\p{Ll}+(?: (?:bin|ibn|bint|Abu|Abdel|Abdul|Abd|al|Al|el|El))?(?: \p{Lu}\p{Ll}+)? (?:al|Al|el|El|ad|as|ash|az)-\p{Lu}\p{Ll}+$/u;

/** "al-Hamdah" -> "hamda": lower case, no article, no final h, for comparing transliterations. */
function skeleton(name: string): string {
  return name.toLowerCase().replace(/^(?:al|el|ad|as|ash|az)-/, '').replace(/h$/, '');
}

/** True when two skeletons differ by at most one edit ("hamda" ~ "hamza"), for words of five letters or more. */
function oneEditApart(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.abs(a.length - b.length) > 1 || Math.min(a.length, b.length) < 4 || a[0] !== b[0]) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) return a.slice(i + 1) === b.slice(i + 1);
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

/**
 * One name, one type per document: a single word that is the surname of a PERSON named in full elsewhere, or a
 * one-letter variant of its transliteration, is that person ("Al-Hamdan" after "Bashir al-Hamdan", "Hamda" after
 * "al-Hamdah"); "Given al-Surname" is a person; a country name tagged ORG is a place ("US President").
 */
function harmonise(named: EntityMention[]): void {
  const surnames = new Set<string>();
  const skeletons: string[] = [];
  for (let k = 0; k < named.length; k++) {
    const e = named[k]!;
    const head = e.text.split(' ')[0]!;
    const multi = e.text.includes(' ');
    if (multi && PLACE_PREFIXES.has(head) && e.type !== 'GPE' && e.type !== 'LOC' && e.type !== 'FAC') named[k] = { ...e, type: 'GPE' };
    else if (multi && ORG_PREFIXES.has(head) && e.type !== 'ORG') named[k] = { ...e, type: 'ORG' };
    else if (e.type !== 'PERSON' && ARABIC_NAME.test(e.text) && !PLACE_PREFIXES.has(head) && !ORG_PREFIXES.has(head) && !isPlace(e.text)) named[k] = { ...e, type: 'PERSON' };
  }
  for (const e of named) {
    if (e.type !== 'PERSON') continue;
    const parts = e.text.split(/\s+/);
    if (parts.length < 2) continue;
    const last = parts[parts.length - 1]!;
    surnames.add(last.toLowerCase());
    if (/^(?:al|el|Al|El)-/.test(last)) skeletons.push(skeleton(last));
  }
  // "Magna" after "Magna International Inc": the short name of a company named in full is the company.
  const companies = new Set<string>();
  for (const e of named) {
    if (e.type !== 'ORG') continue;
    const parts = e.text.split(/\s+/);
    const head = parts[0]!;
    if (parts.length > 1 && ORG_WORDS.has(parts[parts.length - 1]!) && !DEMONYMS.has(head) && !isPlace(head) && !TITLES.has(head) && !surnames.has(head.toLowerCase())) {
      companies.add(head);
    }
  }
  for (let k = 0; k < named.length; k++) {
    const e = named[k]!;
    if (e.type === 'PERSON' && companies.has(e.text)) { named[k] = { ...e, type: 'ORG' }; continue; }
    if (e.type === 'PERSON' || /\s/.test(e.text) || isPlace(e.text) || DEMONYMS.has(e.text)) {
      if (e.type === 'ORG' && COUNTRIES.has(e.text)) named[k] = { ...e, type: 'GPE' };
      continue;
    }
    const lower = e.text.toLowerCase();
    const sk = skeleton(e.text);
    if (surnames.has(lower) || (sk.length >= 4 && skeletons.some((s) => oneEditApart(s, sk)))) named[k] = { ...e, type: 'PERSON' };
  }
}

/** Named entities first; values fill the gaps: "May 16" stays a DATE unless the tagger named it. */
function merge(named: EntityMention[], values: EntityMention[]): EntityMention[] {
  // A date or time that holds a tagged word whole wins: "09:30 GMT" over "GMT", "May 2010" over "May".
  const times = values.filter((v) => v.type === 'DATE' || v.type === 'TIME').sort((a, b) => a.start - b.start);
  if (times.length) {
    let t = 0;
    named.sort((a, b) => a.start - b.start);
    named = named.filter((e) => {
      while (t < times.length && times[t]!.end <= e.start) t++;
      const v = times[t];
      return !(v && v.start <= e.start && e.end <= v.end && v.end - v.start > e.end - e.start);
    });
  }
  named.sort((a, b) => a.start - b.start || b.end - a.end);
  const out: EntityMention[] = [];
  let lastEnd = -1;
  for (const e of named) {
    if (e.start < lastEnd) continue;
    out.push(e);
    lastEnd = e.end;
  }
  values.sort((a, b) => a.start - b.start || b.end - a.end);
  const result: EntityMention[] = [];
  let i = 0;
  lastEnd = -1;
  for (const v of values) {
    while (i < out.length && out[i]!.start < v.start) {
      const e = out[i++]!;
      if (e.start >= lastEnd) { result.push(e); lastEnd = Math.max(lastEnd, e.end); }
    }
    const next = out[i];
    const clash = (next !== undefined && next.start < v.end) || v.start < lastEnd;
    if (clash) continue;
    result.push(v);
    lastEnd = v.end;
  }
  for (; i < out.length; i++) {
    const e = out[i]!;
    if (e.start >= lastEnd) { result.push(e); lastEnd = e.end; }
  }
  return result;
}
