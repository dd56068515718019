import { doubleMetaphone, jaroWinkler } from '../nlp/natural';
import { NICKNAME_PAIRS } from './nicknames';
import { memoize } from '../index/memo';

/*
 * Name normalisation for entity resolution: what a mention's text reduces to before two mentions are compared.
 * Rules, not tables of particular people: titles and corporate suffixes go, Arabic and Hebrew transliteration
 * variants fold together (al-/el-, doubled vowels, a final -h, l/r, sh/s), and a small table maps country aliases.
 */

/** Honorifics, ranks and offices that precede a name: "Maj. Gen.", "President", "Interim". */
const TITLE_WORDS = new Set(
  ('mr mrs ms miss dr prof sir dame lord lady rev fr sheikh sheik imam rabbi president vice prime minister secretary state ' +
    'foreign defense defence interior finance chancellor king queen prince princess emir sultan ayatollah general gen maj major ' +
    'lt lieutenant col colonel capt captain cmdr commander adm admiral sgt sergeant cpl brig brigadier marshal field chief ' +
    'senator sen rep representative gov governor mayor judge justice ambassador envoy spokesman spokeswoman spokesperson ' +
    'interim acting former late deputy ceo chairman chairwoman director executive officer premier pope cardinal bishop saint st ' +
    'of the us u.s. israeli syrian american british french russian iranian turkish').split(' '),
);
/** Name particles that do not distinguish people: "al-Sharaa" ~ "Sharaa", "bin", "van der". */
const PARTICLES = new Set(['al', 'el', ' al-', 'el-', 'ad', 'ar', 'as', 'ash', 'at', 'az', 'an', 'bin', 'ibn', 'ben', 'bint', 'abu', 'van', 'von', 'der', 'de', 'da', 'di', 'du', 'la', 'le', 'del', 'dos']);
/** Corporate suffixes: "Apple Inc." = "Apple". */
const ORG_SUFFIXES = new Set(['inc', 'inc.', 'corp', 'corp.', 'corporation', 'co', 'co.', 'company', 'ltd', 'ltd.', 'limited', 'llc', 'plc', 'nv', 'n.v.', 'sa', 's.a.', 'ag', 'gmbh', 'group', 'holdings', 'incorporated']);
const ORG_DESCRIPTORS = new Set(['automaker', 'carmaker', 'automobile', 'aircraft', 'manufacturer', 'maker', 'planemaker', 'chipmaker', 'airline', 'carrier',
  'company', 'firm', 'giant', 'rival', 'retailer', 'lender', 'insurer', 'conglomerate', 'operator', 'broadcaster', 'airframer', 'contractor', 'supplier']);
const ACRONYM_STOP = new Set(['of', 'and', 'the', 'for', 'de', 'du', 'des', 'la', 'le', 'on', 'in', '&']);

/** Country aliases, folded to one key: "US" = "United States" = "America", "Turkiye" = "Turkey". */
const COUNTRY_ALIASES: readonly (readonly string[])[] = [
  ['united states', 'us', 'u.s.', 'usa', 'u.s.a.', 'america', 'united states of america', 'the states'],
  ['united kingdom', 'uk', 'u.k.', 'britain', 'great britain'],
  ['turkey', 'turkiye', 'türkiye'],
  ['russia', 'russian federation'],
  ['china', "people's republic of china", 'prc'],
  ['south korea', 'republic of korea', 'rok'],
  ['north korea', 'dprk', "democratic people's republic of korea"],
  ['iran', 'islamic republic of iran'],
  ['syria', 'syrian arab republic'],
  ['united arab emirates', 'uae', 'u.a.e.'],
  ['czech republic', 'czechia'],
  ['ivory coast', "cote d'ivoire", "côte d'ivoire"],
  ['myanmar', 'burma'],
  ['netherlands', 'holland', 'the netherlands'],
  ['democratic republic of congo', 'drc', 'dr congo', 'democratic republic of the congo'],
  ['european union', 'eu', 'e.u.'],
  ['united nations', 'un', 'u.n.'],
  ['saudi arabia', 'ksa'],
  ['palestine', 'palestinian territories', 'state of palestine'],
  ['vatican', 'holy see', 'vatican city'],
];
const COUNTRY_KEY = new Map<string, string>(COUNTRY_ALIASES.flatMap((g) => g.map((n) => [n, g[0]!] as const)));

/** Lower-case words of a name, possessives and punctuation around words removed: "the U.S.’s" -> ["the", "u.s."]. */
export function nameWords(text: string): string[] {
  return text
    .replace(/['’]s\b/gi, '')
    .replace(/[“”"(),]/g, ' ')
    .split(/\s+/)
    .map((w) => trimPunctuation(w.toLowerCase()))
    .filter(Boolean);
}

const LEADING = new Set(['-', '–', '—']);
const TRAILING = new Set(['-', '–', '—', ':', ';']);
/** Strips dashes before and dashes, colons and semicolons after a word, by index: a regex `[…]+$` rescans long runs. */
function trimPunctuation(w: string): string {
  let a = 0, b = w.length;
  while (a < b && LEADING.has(w[a]!)) a++;
  while (b > a && TRAILING.has(w[b - 1]!)) b--;
  return w.slice(a, b);
}

/** The canonical country key of a place name, or null: "the U.S." -> "united states", "Türkiye" -> "turkey". */
export function countryKey(text: string): string | null {
  const words = nameWords(text);
  const bare = (words[0] === 'the' ? words.slice(1) : words).join(' ');
  return COUNTRY_KEY.get(bare) ?? COUNTRY_KEY.get(bare.replace(/\./g, '')) ?? COUNTRY_KEY.get(words.join(' ')) ?? null;
}

/** A person's name split into given names and surname, titles and particles dropped. */
export interface PersonName {
  readonly given: readonly string[];
  /** The surname with particles folded in ("al-Sharaa" -> "sharaa"); empty for a single given name. */
  readonly surname: string;
}

/** "Maj. Gen. Oded Basiuk" -> {given: ["oded"], surname: "basiuk"}; "Al-Sharaa" -> {given: [], surname: "sharaa"}. */
// Remembered: a workspace names the same people thousands of times. The parts are never modified.
export const personName: (text: string) => PersonName = memoize(100_000, (text: string) => parsePersonName(text));

function parsePersonName(text: string): PersonName {
  let words = nameWords(text).flatMap((w) => {
    const m = /^(al|el|ad|ar|as|ash|at|az|an)-(.+)$/.exec(w);
    return m ? [m[2]!] : [w];
  });
  while (words.length > 1 && TITLE_WORDS.has(words[0]!.replace(/\.$/, ''))) words = words.slice(1);
  // Suffixes: "Jr.", "III".
  while (words.length > 1 && /^(?:jr\.?|sr\.?|ii|iii|iv)$/.test(words[words.length - 1]!)) words = words.slice(0, -1);
  const core = words.filter((w) => !PARTICLES.has(w));
  if (!core.length) return { given: [], surname: words[words.length - 1] ?? '' };
  if (core.length === 1) return { given: [], surname: core[0]! };
  return { given: core.slice(0, -1), surname: core[core.length - 1]! };
}

/**
 * A transliteration key: "Sharaa", "Sharah", "Shara" and "Shala" -> "sara"; "Basiuk" -> "basiuk".
 * Folds doubled letters, a final h after a vowel, l/r, sh/s, kh/k, ou/u, ee/i, and drops diacritics.
 */
// Remembered: a workspace compares the same surnames many times.
export const translitKey: (word: string) => string = memoize(100_000, (word: string) => foldTransliteration(word));

function foldTransliteration(word: string): string {
  let w = word.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^a-z]/g, '');
  w = w.replace(/([aeiou])h$/, '$1').replace(/sh/g, 's').replace(/kh/g, 'k').replace(/ph/g, 'f').replace(/th/g, 't').replace(/dh/g, 'd').replace(/gh/g, 'g');
  w = w.replace(/ou/g, 'u').replace(/ee/g, 'i').replace(/oo/g, 'u').replace(/[yj]/g, 'i').replace(/l/g, 'r').replace(/q/g, 'k').replace(/c(?=[aou])/g, 'k');
  w = w.replace(/(.)\1+/g, '$1');
  return w;
}

/** Consonant skeleton after the transliteration fold: "Basiuk" and "Bashk" -> "bsk". */
export function skeleton(word: string): string {
  const k = translitKey(word);
  return k.charAt(0) + k.slice(1).replace(/[aeiouw]/g, '');
}

/** True when two surnames are the same name spelled two ways ("Basiuk"/"Bashk", "Sharaa"/"Shala"), never "Bashk"/"Assad". */
export function surnamesMatch(a: string, b: string, strict: boolean): boolean {
  if (!a || !b) return false;
  if (a === b) return true;
  const ka = translitKey(a), kb = translitKey(b);
  if (ka === kb && ka.length >= 3) return true;
  if (strict) return false;
  if (ka.charAt(0) !== kb.charAt(0)) return false;
  const sa = skeleton(a), sb = skeleton(b);
  if (sa === sb && sa.length >= 3 && Math.min(a.length, b.length) >= 4) return true;
  const [pa] = doubleMetaphone(a), [pb] = doubleMetaphone(b);
  return jaroWinkler(ka, kb) >= 0.9 && (pa === pb || jaroWinkler(a, b) >= 0.92);
}

let nicknames: Map<string, Set<string>> | null = null;
/** True when two given names can be the same person: equal, an initial of the other, a nickname ("Bob"/"Robert"), or a close spelling ("Ahmad"/"Ahmed"). */
export function givenNamesMatch(a: string, b: string): boolean {
  if (a === b) return true;
  const x = a.replace(/\.$/, ''), y = b.replace(/\.$/, '');
  if (x.length === 1 || y.length === 1) return x.charAt(0) === y.charAt(0);
  if (translitKey(x) === translitKey(y)) return true;
  if (!nicknames) {
    nicknames = new Map();
    for (const pair of NICKNAME_PAIRS.split(' ')) {
      const [p, q] = pair.split('=');
      if (!p || !q) continue;
      (nicknames.get(p) ?? nicknames.set(p, new Set()).get(p)!).add(q);
      (nicknames.get(q) ?? nicknames.set(q, new Set()).get(q)!).add(p);
    }
  }
  if (nicknames.get(x)?.has(y)) return true;
  const kx = translitKey(x), ky = translitKey(y);
  return kx.length >= 4 && ky.length >= 4 && skeleton(x) === skeleton(y) && jaroWinkler(kx, ky) >= 0.8;
}

/** An organisation's comparable form: "the Apple Inc." -> "apple", "U.S. Air Force" -> "united states air force". */
export function orgKey(text: string): string {
  let words = nameWords(text);
  if (words[0] === 'the') words = words.slice(1);
  // "Automaker GM", "aircraft manufacturer Boeing": a leading descriptor is not part of the name.
  while (words.length > 1 && ORG_DESCRIPTORS.has(words[0]!)) words = words.slice(1);
  while (words.length > 1 && ORG_SUFFIXES.has(words[words.length - 1]!)) words = words.slice(0, -1);
  const first = words[0];
  if (first && words.length > 1) {
    const ck = COUNTRY_KEY.get(first) ?? COUNTRY_KEY.get(first.replace(/\./g, ''));
    if (ck) words = [...ck.split(' '), ...words.slice(1)];
  }
  // "Department of the Treasury" -> "treasury department"
  const of = words.indexOf('of');
  if (of === 1 && GENERIC_HEADS.has(words[0]!) && words.length > 2) words = [...words.slice(2).filter((w) => w !== 'the'), words[0]!];
  return words.map((w) => w.replace(/\./g, '')).join(' ');
}

/** Head words that an organisation's name often drops: "the Treasury Department" = "the Treasury". */
const GENERIC_HEADS = new Set(['department', 'ministry', 'office', 'agency', 'bureau', 'service']);

/** An organisation key without its country and generic head: "US Treasury Department" -> "treasury"; null when nothing specific is left. */
export function orgCoreKey(key: string): string | null {
  let words = key.split(' ');
  for (const c of ['united states', 'united kingdom']) if (key.startsWith(c + ' ')) words = words.slice(c.split(' ').length);
  if (words.length > 1 && GENERIC_HEADS.has(words[words.length - 1]!)) words = words.slice(0, -1);
  const core = words.join(' ');
  return core && core !== key && core.length >= 4 && !GENERIC_HEADS.has(core) ? core : null;
}

/** The acronym of a multi-word name: "General Motors" -> "gm", "United States Air Force" -> "usaf"; null for one word. */
export function acronymOf(key: string): string | null {
  const words = key.split(' ').filter((w) => w && !ACRONYM_STOP.has(w));
  if (words.length < 2) return null;
  return words.map((w) => w.charAt(0)).join('');
}

/** True when the text looks like an acronym: "GM", "USAF", "U.S.", "SOHR". */
export function isAcronym(text: string): boolean {
  const t = text.replace(/^the\s+/i, '').replace(/['’]s$/, '');
  return /^(?:\p{Lu}\.){2,}$|^\p{Lu}[\p{Lu}&]{1,6}$/u.test(t);
}

/*
 * Demonyms and capitals, so that "Syrian officials" and "Damascus" can be recognised as speaking for one country when
 * two claims withhold comment. They stay distinct entities ("Israeli" ≠ "Israel"); this only relates them.
 */
const COUNTRY_FORMS: readonly string[] = [
  'syria: syrian damascus', 'israel: israeli israelis jerusalem', 'turkey: turkish ankara', 'iran: iranian iranians tehran',
  'iraq: iraqi iraqis baghdad', 'lebanon: lebanese beirut', 'jordan: jordanian amman', 'egypt: egyptian egyptians cairo',
  'saudi arabia: saudi saudis riyadh', 'qatar: qatari doha', 'united arab emirates: emirati abu dhabi', 'yemen: yemeni sanaa',
  'azerbaijan: azerbaijani azeri baku', 'russia: russian russians moscow kremlin', 'ukraine: ukrainian ukrainians kyiv kiev',
  'united states: american americans washington', 'united kingdom: british briton britons london', 'france: french paris elysee',
  'germany: german germans berlin', 'china: chinese beijing', 'japan: japanese tokyo', 'india: indian indians new delhi',
  'pakistan: pakistani islamabad', 'afghanistan: afghan afghans kabul', 'palestine: palestinian palestinians ramallah',
  'libya: libyan tripoli', 'sudan: sudanese khartoum', 'ethiopia: ethiopian addis ababa', 'kenya: kenyan nairobi',
  'nigeria: nigerian abuja', 'south africa: south african pretoria', 'italy: italian rome', 'spain: spanish madrid',
  'canada: canadian ottawa', 'mexico: mexican mexico city', 'brazil: brazilian brasilia', 'argentina: argentine buenos aires',
  'australia: australian canberra', 'north korea: north korean pyongyang', 'south korea: south korean seoul',
  'poland: polish warsaw', 'greece: greek athens', 'cyprus: cypriot nicosia', 'armenia: armenian yerevan', 'georgia: georgian tbilisi',
  'venezuela: venezuelan caracas', 'cuba: cuban havana', 'belarus: belarusian minsk', 'hungary: hungarian budapest',
];
const COUNTRY_OF = new Map<string, string>();
for (const line of COUNTRY_FORMS) {
  const [country, rest] = line.split(': ') as [string, string];
  COUNTRY_OF.set(country, country);
  for (const f of rest.split(' ')) COUNTRY_OF.set(f, country);
  // two-word capitals and demonyms
  const words = rest.split(' ');
  for (let i = 0; i + 1 < words.length; i++) COUNTRY_OF.set(`${words[i]} ${words[i + 1]}`, country);
}

/** The country a name speaks for: "Syrian officials" -> "syria", "Damascus" -> "syria", "the U.S." -> "united states"; null otherwise. */
export function countryOf(text: string): string | null {
  const direct = countryKey(text);
  if (direct) return direct;
  const words = nameWords(text).map((w) => w.replace(/\./g, ''));
  for (let i = 0; i < words.length; i++) {
    const two = i + 1 < words.length ? COUNTRY_OF.get(`${words[i]} ${words[i + 1]}`) : undefined;
    if (two) return two;
    const one = COUNTRY_OF.get(words[i]!) ?? COUNTRY_KEY.get(words[i]!);
    if (one) return one;
  }
  return null;
}
