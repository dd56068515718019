/**
 * fast-check generators of text for the property tests: raw strings of every kind, and news-like text built
 * from the project's own word lists (cue verbs, hedges, titles, abbreviations, names, places) mixed with
 * punctuation, quotation marks, numbers, dates and line breaks, so generated cases reach the detectors' paths.
 */
import fc from 'fast-check';
import { ATTRIBUTION_CUES, HEDGES } from '../../src/core/attribution/lexicon';
import { CITIES, COUNTRIES, DEMONYMS, GIVEN_NAMES, MONTH_NAMES, TITLES, WEEKDAY_NAMES } from '../../src/core/entities/gazetteer';
import { ABBREVIATIONS } from '../../src/core/text/abbreviations';

const pick = (s: Iterable<string>, n: number): string[] => [...s].slice(0, n);

/** Characters that steer the tokenizer, sentence splitter, quotation tracker and dateline reader. */
export const TRICKY_CHARS: readonly string[] = [
  ' ', ' ', ' ', '\n', '\r\n', '\r', '\t', '\u00a0', '\u2028', '\u2029', '\ufeff', '\u0000', '\u200b', '\u200f', '\u202e',
  '.', '.', ',', ';', ':', '!', '?', '…', '-', '--', '—', '–', '―', '/', '|', '(', ')', '[', ']', '{', '}', '*', '_', '#', '@', '$', '%', '&', '+', '=', '<', '>', '\\', '`', '~', '^',
  '"', '"', "'", "'", '“', '”', '‘', '’', '«', '»', '„', '‹', '›', '「', '」',
  'a', 'e', 's', 'A', 'S', 'T', 'Z', 'al-', 'I', 'U', '1', '0', '9', '٣', '²', 'é', 'ß', 'İ', 'ǅ', '\u0301', '\u0651',
  'ا', 'ل', 'ש', 'ל', 'ם', 'Ж', 'д', '中', '文', 'ー', 'ก', 'अ', '😀', '👍🏽', '👨‍👩‍👧', '🇮🇱', '𝐀', '𝟙', '\ud800', '\udc00', '\udfff', '\uffff',
];

/** Words of news copy: the lexicon's cues and hedges, titles, abbreviations with periods, names, places, dates. */
const CUES = pick(ATTRIBUTION_CUES, 400);
const HEDGE_WORDS = pick(HEDGES, 200);
const NAMES = [...pick(GIVEN_NAMES, 60), 'Oded', 'Basiuk', 'Bashk', 'Ahmad', 'al-Sharaa', 'al-Sharah', 'Shara', 'Rubio', 'Haddad', 'Bashar', 'al-Assad', 'Jane', 'Holloway', 'Al-Hamdan', 'Sharaa'];
const PLACES = [...pick(COUNTRIES, 60), ...pick(CITIES, 40), ...pick(DEMONYMS, 30), 'Turkiye', 'Turkey', 'US', 'United States', 'Azerbaijan', 'Baku', 'Syria', 'Israel', 'Tal Rifaat'];
const TITLE_WORDS = [...pick(TITLES, 40), ...[...ABBREVIATIONS].map((a) => `${a}.`), 'Maj. Gen.', 'Brig. Gen.', 'U.S.', 'U.N.', 'e.g.', 'p.m.', 'Secretary of State'];
const ORGS = ['CNN', 'Reuters', 'the White House', 'the army', 'SOHR', 'the ministry', 'Channel 12', 'Shafaq News', 'the Pentagon', 'Hamas', 'the IDF', 'AP'];
const COMMON = ['the', 'a', 'an', 'of', 'in', 'on', 'that', 'and', 'but', 'not', 'no', 'did', 'was', 'is', 'has', 'had', 'would', 'will', 'talks', 'meeting', 'direct',
  'held', 'killed', 'people', 'forces', 'official', 'officials', 'source', 'sources', 'senior', 'spokesman', 'statement', 'he', 'she', 'they', 'it', 'who', 'which',
  'condition', 'anonymity', 'familiar', 'with', 'matter', 'told', 'reporters', 'There', 'The', 'According', 'However', 'Meanwhile', 'Asked', 'Sources', 'Earlier'];
const NUMBERS = ['six', 'four', '1,000', '3.5', '12', '2025', '16', '$5m', '40%', '10km', '1st', 'dozens', 'hundreds', 'two-thirds', '09:30', '2025-05-16', '5/16', 'No. 3'];
const DATES = [...MONTH_NAMES, ...WEEKDAY_NAMES, 'today', 'yesterday', 'last week', 'earlier this month', 'May 16', '16 May 2025', 'Sept. 11', 'on Friday', 'GMT'];
const MARKS = ['.', ',', ',', ':', ';', '!', '?', '…', '—', '–', '-', '(', ')', '"', '"', '“', '”', '‘', '’', "'", "'s", '’s', '«', '»', "n't", '/', '|', '*', '**', '#', '@USTreasury', '#Syria', 'https://example.com/a.b?c=1.', 'www.x.org'];
const DATELINES = ['date 2025-05-16 Shafaq News/ ', 'BEIRUT, May 16, 2025 (Reuters) - ', 'WASHINGTON (AP) — ', 'CNN\n–\n', '**CAIRO**, June 3 (Gulf Monitor) — ', 'Published: Friday, May 16, 2025\n', 'AMMAN 1996-08-22\n', '# Headline\n'];

/** One word or mark of news copy. */
export const newsPiece: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...COMMON) },
  { weight: 3, arbitrary: fc.constantFrom(...CUES) },
  { weight: 2, arbitrary: fc.constantFrom(...HEDGE_WORDS) },
  { weight: 3, arbitrary: fc.constantFrom(...NAMES) },
  { weight: 2, arbitrary: fc.constantFrom(...PLACES) },
  { weight: 2, arbitrary: fc.constantFrom(...TITLE_WORDS) },
  { weight: 2, arbitrary: fc.constantFrom(...ORGS) },
  { weight: 2, arbitrary: fc.constantFrom(...NUMBERS) },
  { weight: 2, arbitrary: fc.constantFrom(...DATES) },
  { weight: 5, arbitrary: fc.constantFrom(...MARKS) },
  { weight: 1, arbitrary: fc.constantFrom(...TRICKY_CHARS) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 6 }) },
);

/** What goes between pieces: mostly a space, sometimes nothing, a line break or a paragraph break. */
const separator: fc.Arbitrary<string> = fc.oneof(
  { weight: 12, arbitrary: fc.constant(' ') },
  { weight: 3, arbitrary: fc.constant('') },
  { weight: 1, arbitrary: fc.constantFrom('\n', '\n\n', '\r\n', '  ', '\t', ' \n ', '\u00a0') },
);

/** News-like text of up to `maxPieces` words and marks, sometimes opened by a dateline. */
export function newsText(maxPieces: number): fc.Arbitrary<string> {
  return fc
    .tuple(
      fc.option(fc.constantFrom(...DATELINES), { freq: 4 }),
      fc.array(fc.tuple(newsPiece, separator), { maxLength: maxPieces, size: 'max' }),
    )
    .map(([head, parts]) => (head ?? '') + parts.map(([p, s]) => p + s).join(''));
}

/** Strings drawn from the tricky characters above: quotes, dashes, breaks, scripts, surrogates. */
export const trickyString = (maxLength: number): fc.Arbitrary<string> => fc.string({ unit: fc.constantFrom(...TRICKY_CHARS), maxLength, size: 'max' });

/** Any UTF-16 sequence, lone surrogates included. */
export const utf16String = (maxLength: number): fc.Arbitrary<string> =>
  fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)), maxLength, size: 'max' });

/** Injected markup and links, for the report renderers: none of it may become live. */
export const MARKUP = ['<script>alert(1)</script>', '<img src=x onerror=alert(1)>', '[x](command:workbench.action.terminal.new)', '<a href="javascript:alert(1)">x</a>', '&lt;b&gt;', '<!--', ']]>', '`code`', '| a | b |'];
