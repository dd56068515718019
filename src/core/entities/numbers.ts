/*
 * Numbers, money, percentages and quantities by rule, with a normalised value:
 * "six" -> "6", "1,000" -> "1000", "$1.5 billion" -> "USD 1500000000", "3.5%" -> "3.5%", "40 km" -> "40 km".
 * The pattern is a flat alternation whose repeats each consume a separator and a whole word: linear time.
 */
import type { EntityType } from '../types';

/* Regular expressions used per token live here: esbuild rewrites a \p{…} literal into `new RegExp(…)`, built each time it is evaluated. */
const NAME_BEFORE = /(\p{Lu}[\p{L}.]*)\s+$/u;
const NAME_AFTER = /^\s+\p{Lu}/u;

/** A numeric expression found in text. */
export interface NumberMatch {
  readonly start: number;
  readonly end: number;
  readonly type: Extract<EntityType, 'NUMBER' | 'MONEY' | 'PERCENT' | 'QUANTITY'>;
  readonly value: string;
}

const UNITS_0_19 = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve',
  'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen'];
const TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];
// Null-prototype tables: `parseNumber` is exported, and a plain object would answer "constructor" or "toString"
// with Object.prototype's functions instead of undefined (found by the property tests).
const SCALES: Record<string, number> = Object.assign(Object.create(null) as Record<string, number>, { hundred: 100, thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12, mln: 1e6, bln: 1e9, m: 1e6, bn: 1e9, k: 1e3 });
const SMALL: Record<string, number> = Object.assign(Object.create(null) as Record<string, number>, Object.fromEntries([
  ...UNITS_0_19.map((w, i) => [w, i] as const),
  ...TENS.map((w, i) => [w, i * 10] as const).filter(([w]) => w),
  ['dozen', 12] as const,
]));

const WORD = String.raw`(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|dozen)(?:-(?:one|two|three|four|five|six|seven|eight|nine))?`;
const SCALE = String.raw`(?:hundred|thousand|million|billion|trillion|mln|bln|bn)`;
const DIGITS = String.raw`\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?`;
const CURRENCY_SIGN = String.raw`(?:US\$|A\$|C\$|\$|€|£|¥)`;
const CURRENCY_WORD = String.raw`(?:dollars?|euros?|pounds?|yen|yuan|rubles?|roubles?|shekels?|lira|liras|riyals?|dinars?|rupees?|francs?|marks?|pesos?)`;
const UNIT = String.raw`(?:km|kilometers?|kilometres?|miles?|meters?|metres?|feet|foot|inches|kg|kilograms?|grams?|tons?|tonnes?|pounds|litres?|liters?|gallons?|barrels?|hectares?|acres?|square\s(?:kilometers?|kilometres?|miles?|meters?|metres?))`;

const PATTERN = new RegExp([
  // $1.5 billion, €300 million, US$20
  String.raw`(?<money>${CURRENCY_SIGN}\s?(?<mNum>${DIGITS})(?:\s(?<mScale>${SCALE})|(?<mSuffix>bn|m|k)\b)?)`,
  // 3.5%, 90 percent, ten per cent
  String.raw`(?<pct>\b(?<pNum>${DIGITS}|${WORD})\s?(?:%|percent\b|per\scent\b))`,
  // 1.5 million, two hundred thousand, six, 1,000 (optionally followed by a currency word or unit)
  String.raw`(?<num>\b(?<nBody>(?:${DIGITS}|${WORD})(?:[\s-](?:${SCALE}|${WORD}|and\s(?:${WORD})))*)(?:\s(?<nCur>${CURRENCY_WORD})\b|\s(?<nUnit>${UNIT})\b)?)(?![\p{L}\d])`,
].join('|'), 'giu');

/** "two hundred thousand" -> 200000, "1.5 million" -> 1500000, "twenty-one" -> 21; NaN when not a number. */
export function parseNumber(body: string): number {
  let total = 0;
  let current = 0;
  let seen = false;
  for (const raw of body.toLowerCase().split(/[\s-]+/)) {
    if (!raw || raw === 'and') continue;
    if (/^[\d.,]+$/.test(raw)) {
      current += Number(raw.replace(/,/g, ''));
      seen = true;
      continue;
    }
    const small = SMALL[raw];
    if (small !== undefined) { current += small; seen = true; continue; }
    const scale = SCALES[raw];
    if (scale === undefined) return NaN;
    if (!seen) current = 1;
    if (scale === 100) current *= 100;
    else { total += current * scale; current = 0; }
    seen = true;
  }
  return seen ? total + current : NaN;
}

const show = (n: number): string => (Number.isInteger(n) ? n.toFixed(0) : String(Math.round(n * 1e6) / 1e6));

const CURRENCY: Record<string, string> = {
  '$': 'USD', 'us$': 'USD', 'a$': 'AUD', 'c$': 'CAD', '€': 'EUR', '£': 'GBP', '¥': 'JPY', dollar: 'USD', euro: 'EUR', pound: 'GBP',
  yen: 'JPY', yuan: 'CNY', ruble: 'RUB', rouble: 'RUB', shekel: 'ILS', lira: 'TRY', riyal: 'SAR', dinar: 'DIN', rupee: 'INR',
  franc: 'CHF', mark: 'DEM', peso: 'MXN',
};

/**
 * Finds numeric expressions: "six Israeli tanks" -> NUMBER "six" (value "6"), "$1.5 billion" -> MONEY,
 * "3.5%" -> PERCENT, "40 km" -> QUANTITY. "one" alone ("no one", "one of them") is left out.
 */
export function findNumbers(text: string): NumberMatch[] {
  const out: NumberMatch[] = [];
  PATTERN.lastIndex = 0;
  for (let m = PATTERN.exec(text); m; m = PATTERN.exec(text)) {
    const g = m.groups ?? {};
    const start = m.index;
    let end = start + m[0].length;
    if (g.money) {
      let n = Number(g.mNum!.replace(/,/g, ''));
      const scale = g.mScale ?? g.mSuffix;
      if (scale) n *= SCALES[scale.toLowerCase()] ?? 1;
      const sign = /^(US\$|A\$|C\$|\$|€|£|¥)/i.exec(m[0])![1]!.toLowerCase();
      out.push({ start, end, type: 'MONEY', value: `${CURRENCY[sign] ?? sign} ${show(n)}` });
    } else if (g.pct) {
      const n = parseNumber(g.pNum!);
      if (!Number.isNaN(n)) out.push({ start, end, type: 'PERCENT', value: `${show(n)}%` });
    } else if (g.num) {
      let body = g.nBody!;
      // Trailing "and" never ends a number ("two and").
      while (/[\s-]and$/i.test(body)) body = body.replace(/[\s-]and$/i, '');
      const n = parseNumber(body);
      if (Number.isNaN(n)) continue;
      const lower = body.toLowerCase();
      if (lower === 'one' || lower === 'dozen') continue;
      // A capitalised number word next to a capitalised word belongs to a name ("Channel One", "Formula One Group").
      if (/^[A-Z][a-z]/.test(body)) {
        const before = NAME_BEFORE.exec(text.slice(Math.max(0, start - 30), start));
        const after = NAME_AFTER.test(text.slice(end, end + 3));
        if ((before && !/[.!?]$/.test(before[1]!)) || after) continue;
      }
      if (g.nCur) {
        const cur = g.nCur.toLowerCase().replace(/s$/, '');
        out.push({ start, end, type: 'MONEY', value: `${CURRENCY[cur] ?? cur.toUpperCase()} ${show(n)}` });
      } else if (g.nUnit) {
        out.push({ start, end, type: 'QUANTITY', value: `${show(n)} ${g.nUnit.toLowerCase().replace(/\s+/g, ' ')}` });
      } else {
        end = start + m[0].length;
        out.push({ start, end: start + body.length, type: 'NUMBER', value: show(n) });
      }
    }
  }
  return out;
}
