import type { TextContext } from '../text/context';
import { tokenAfter } from '../text/tokenize';
import type { Attribution, Claim, EntityMention, Hedge, Span, Token } from '../types';
import { normaliseNumber } from '../crossref/similarity';
import { resolveDate } from './dates';

/* Hoisted: esbuild rewrites a \p{…} literal into `new RegExp(…)`, built each time it is evaluated. */
const BYLINE = /^\s*(?:by|reporting by|writing by|editing by|photo:?|image:?|source:?)\s+\p{Lu}/iu;

/** Value types whose mentions are numbers in a claim, not names. */
const NUMBER_TYPES = new Set(['NUMBER', 'MONEY', 'PERCENT', 'QUANTITY']);
const DATE_TYPES = new Set(['DATE', 'TIME']);
/** Clause joints: "confirmed the visit but denied talks", "While X, Y", "X; Y". */
const JOINTS = new Set(['but', 'while', 'whereas', 'although', 'though', 'yet']);
/** Verbs that open a second assertion after "but": "… but denied direct talks". */
const SECOND_VERBS = /^(?:denie[ds]|deny(?:ing)?|rejecte?d?s?|confirme?d?s?|insiste?d?s?|sai[dy]s?|adde?d?s?|acknowledged?|admitted|dismissed|refused|declined|clarified|stressed|warned|noted)$/i;
const PARTICIPLE = /^\p{Ll}{3,}ing$/u;
/** -ing words that do not open a clause: ", including X", ", according to". */
const NOT_PARTICIPLE = /^(?:including|according|during|regarding|concerning|excluding|following|nothing|something|anything|everything|morning|evening|building|meeting|spring|king|thing|bring|ring|wing|string|ceiling)$/i;
/** Modals that open a relative clause's own assertion: "that would allow". */
const MODAL = /^(?:would|will|could|can|may|might|should|must)$/i;
/** Verbs of saying whose "that" introduces their content, never a relative clause. */
const SAYING = /^(?:said|says|say|told|tells|announced|announces|revealed|reveals|stated|added|claimed|reported|warned|confirmed|denied|noted|insisted|believes?|believed|thinks?|thought|hopes?|hoped|expects?|expected|clear|clarified|argued|suggested|indicated|showed|learned|knows?|knew)$/i;
/** What follows a participle that opens a clause: ", saying the …", ", pledging to …", ", warning against …". */
const CLAUSE_NEXT = /^(?:to|that|the|a|an|his|her|its|their|our|it|he|she|they|we|on|in|with|for|against|at|from|up|out|about|over|into|off|down|back|him|them|\p{Lu}.*|\d.*)$/u;
const NEGATORS = /^(?:not|no|never|n['’]t|neither|nor|cannot|without)$/i;
const DENIALS = /^(?:den(?:y|ies|ied|ying)|reject(?:s|ed|ing)?|refut(?:e|es|ed|ing)|dismiss(?:es|ed|ing)?|disput(?:e|es|ed|ing)|rebuff(?:s|ed|ing)?)$/i;
/** Negated reporting that is not a denial of the content: "have not commented", "no word from", "did not disclose". */
const NO_COMMENT = /^(?:comment(?:ed|s)?|respond(?:ed|s)?|word|disclose[ds]?|confirm(?:ed)?|say|reply|replied|return(?:ed)?)$/i;
const MONTH = /^(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?$/i;
const WEEKDAY_OR_RELATIVE = /^(?:today|yesterday|tomorrow|tonight|week|monday|tuesday|wednesday|thursday|friday|saturday|sunday)$/i;
/* Regular expressions used in loops live here: a literal in a loop is a new object each time it is evaluated. */
const BUT_WHILE = /^(?:but|while)$/i;
const AND_BUT = /^(?:and|but)$/i;
const THAT_WHICH = /^(?:that|which)$/i;
const WHICH_WHO = /^(?:which|who)$/i;
const A_AN = /^(?:a|an)$/i;
const CONCESSIVE = /^(?:while|although|though|whereas)$/i;
const YEAR = /^(?:1[6-9]|20)\d\d$/;
const AUX_OR_ADVERB = /^(?:have|has|had|did|do|does|yet|been|immediately|publicly|be)$/i;
const LETTERS_ONLY = /^[a-z]+$/i;
const FOUR_DIGITS = /^\d{4}$/;
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
const HAS_LETTER = /\p{L}/u;

/**
 * Splits an article into claims, one per sentence or clause, with their attribution, entities, numbers and dates:
 * "The army confirmed the visit but denied direct talks" -> two claims, the second negated.
 */
export function extractClaims(ctx: TextContext, entities: readonly EntityMention[], attributions: readonly Attribution[], _hedges: readonly Hedge[]): Claim[] {
  const claims: Claim[] = [];
  // Attributions by cue position, scanned with a cursor: the whole pass stays linear in the article's length.
  const byCue = attributions.map((a, i) => ({ a, i })).sort((x, y) => x.a.cue.start - y.a.cue.start);
  let cueCursor = 0;
  let entityCursor = 0;
  for (const sentence of ctx.sentences) {
    const toks = ctx.tokens.slice(sentence.firstToken, sentence.endToken);
    while (cueCursor < byCue.length && byCue[cueCursor]!.a.cue.start < sentence.start) cueCursor++;
    let cueEnd = cueCursor;
    while (cueEnd < byCue.length && byCue[cueEnd]!.a.cue.start < sentence.end) cueEnd++;
    const sentenceAtts = byCue.slice(cueCursor, cueEnd);
    while (entityCursor < entities.length && entities[entityCursor]!.end <= sentence.start) entityCursor++;
    if (!isClaimSentence(toks, sentence)) continue;
    let clauseEntity = entityCursor;
    for (const clause of splitClauses(toks, sentence, sentenceAtts.map((x) => x.a))) {
      const a = clause.firstToken, b = clause.endToken;
      const clauseToks = ctx.tokens.slice(a, b);
      const start = clauseToks[0]!.start, end = clauseToks[clauseToks.length - 1]!.end;
      const span: Span = { start, end };
      const entityIdx: number[] = [];
      const numbers = new Set<string>();
      const dates = new Set<string>();
      const covered: Span[] = [];
      while (clauseEntity < entities.length && entities[clauseEntity]!.end <= start) clauseEntity++;
      for (let i = clauseEntity; i < entities.length && entities[i]!.start < end; i++) {
        const e = entities[i]!;
        if (e.end <= start) continue;
        covered.push(e);
        if (DATE_TYPES.has(e.type)) dates.add(e.value ?? resolveDate(e.text, ctx.published) ?? e.text);
        else if (NUMBER_TYPES.has(e.type)) numbers.add(e.value ?? normaliseNumber(e.text.replace(/^\$/, '')) ?? e.text);
        else entityIdx.push(i);
      }
      // Tokens and mentions both run left to right: one cursor tells whether a token lies in a mention.
      let coveredAt = 0;
      const inside = (t: Token): boolean => {
        while (coveredAt < covered.length && covered[coveredAt]!.end <= t.start) coveredAt++;
        const c = covered[coveredAt];
        return !!c && c.start <= t.start && c.end >= t.end;
      };
      let isoEnd = -1;
      clauseToks.forEach((t, k) => {
        if (inside(t)) return;
        // Weekdays and today/yesterday the entity layer did not tag still count as dates.
        const c0 = t.text.charCodeAt(0) | 32;
        // Today, yesterday, tomorrow, tonight, week and the weekdays begin with t, y, w, m, f or s.
        if ((c0 === 116 || c0 === 121 || c0 === 119 || c0 === 109 || c0 === 102 || c0 === 115) && WEEKDAY_OR_RELATIVE.test(t.text)) {
          const prev = clauseToks[k - 1]?.text.toLowerCase();
          const phrase = prev === 'earlier' || prev === 'later' || prev === 'last' || prev === 'next' || prev === 'this' ? `${prev} ${t.text}` : t.text;
          const v = resolveDate(phrase, ctx.published);
          if (v) dates.add(v);
          return;
        }
        // Number words run from three letters ("six") to nine ("seventeen").
        const n = t.kind === 'number' || (t.text.length >= 3 && t.text.length <= 9 && LETTERS_ONLY.test(t.text)) ? normaliseNumber(t.text) : null;
        if (n === null) return;
        // "2025-05-16" arrives as number, dash, number, dash, number.
        const iso = FOUR_DIGITS.test(t.text) ? ctx.text.slice(t.start, t.start + 10) : '';
        if (ISO_DAY.test(iso)) { const v = resolveDate(iso, ctx.published); if (v) dates.add(v); isoEnd = t.start + 10; return; }
        if (t.start < isoEnd) return;
        // "May 16", "16 May 2025" the entity layer did not tag.
        const before = clauseToks[k - 1]?.text ?? '', after = clauseToks[k + 1]?.text ?? '';
        if (t.kind === 'number' && (MONTH.test(before) || MONTH.test(after))) {
          const year = clauseToks[k + 1]?.text === ',' && FOUR_DIGITS.test(clauseToks[k + 2]?.text ?? '') ? ` ${clauseToks[k + 2]!.text}` : '';
          const v = resolveDate(MONTH.test(before) ? `${before} ${t.text}${year}` : `${t.text} ${after}`, ctx.published);
          if (v) { dates.add(v); return; }
        }
        if (t.kind === 'number' && FOUR_DIGITS.test(t.text) && MONTH.test(clauseToks[k - 3]?.text ?? '')) return;
        if (YEAR.test(n) && t.kind === 'number') { dates.add(n); return; }
        numbers.add(n);
      });
      const attribution = pickAttribution(attributions, span, sentenceAtts, contentNear(byCue, span));
      const att = attribution === null ? undefined : attributions[attribution];
      claims.push({
        id: `c${claims.length}`, start, end, text: ctx.text.slice(start, end), attribution, entities: entityIdx, numbers: [...numbers], dates: [...dates],
        negated: att?.stance === 'deny' || (att?.stance !== 'no-comment' && isNegated(clauseToks)),
      });
    }
  }
  return claims;
}

/** Datelines, bylines, lone dashes and outlet names are not claims. */
function isClaimSentence(toks: readonly Token[], sentence: Span & { text: string }): boolean {
  const words = toks.filter((t) => t.kind === 'word' && HAS_LETTER.test(t.text));
  if (words.length < 4) return false;
  if (BYLINE.test(sentence.text) && words.length < 10) return false;
  if (/^\s*(?:date:?\s+)?\d{4}-\d{2}-\d{2}\b/.test(sentence.text) && words.length < 8) return false;
  return true;
}

/** True when the clause negates or denies its predicate, not when it only withholds comment. */
function isNegated(toks: readonly Token[]): boolean {
  let quoted = false;
  for (let i = 0; i < toks.length; i++) {
    const w = toks[i]!.text;
    if (w === '“' || w === '”' || w === '"' || w === "''") { quoted = w === '“' ? true : w === '”' ? false : !quoted; continue; }
    if (quoted) continue;
    // Negators and denials begin with n, c, w, d or r (either case): other words need no test.
    const c = w.charCodeAt(0) | 32;
    if (c !== 110 && c !== 99 && c !== 119 && c !== 100 && c !== 114) continue;
    if (DENIALS.test(w)) return true;
    if (!NEGATORS.test(w)) continue;
    // "have not commented", "no word from", "did not disclose": withholding, not denial.
    const next = toks.slice(i + 1, i + 4).find((t) => t.kind === 'word' && !AUX_OR_ADVERB.test(t.text));
    if (next && NO_COMMENT.test(next.text)) continue;
    return true;
  }
  return false;
}

interface Clause { readonly firstToken: number; readonly endToken: number }

/**
 * Splits a sentence where a second assertion begins: between two attributions ("confirmed X but denied Y"),
 * after a fronted "While X," clause, at semicolons.
 */
function splitClauses(toks: readonly Token[], sentence: { firstToken: number; endToken: number; start: number; end: number }, attributions: readonly Attribution[]): Clause[] {
  const cuts = new Set<number>(); // token index (absolute) where a new clause starts
  const attributionCuts = new Set<number>();
  const base = sentence.firstToken;
  // Prefix counts and next-comma links keep every test below constant-time: one endless sentence stays linear.
  const wc = new Int32Array(toks.length + 1);
  for (let k = 0; k < toks.length; k++) wc[k + 1] = wc[k]! + (toks[k]!.kind === 'word' ? 1 : 0);
  const words = (a: number, b: number): number => wc[Math.min(b, toks.length)]! - wc[Math.max(0, a)]!;
  const nextComma = new Int32Array(toks.length + 1).fill(-1);
  for (let k = toks.length - 1; k >= 0; k--) nextComma[k] = toks[k]!.text === ',' ? k : nextComma[k + 1]!;
  const idxAt = (pos: number): number => base + tokenAfter(toks, pos);
  // Between consecutive attributions whose parts do not interleave.
  const inSentence = attributions.filter((a) => a.cue.start >= sentence.start && a.cue.end <= sentence.end).sort((x, y) => x.cue.start - y.cue.start);
  for (let i = 0; i + 1 < inSentence.length; i++) {
    const a = inSentence[i]!, b = inSentence[i + 1]!;
    const aEnd = Math.max(a.cue.end, a.content?.end ?? 0, a.source?.end ?? 0);
    // A shared source ("The army confirmed X but denied Y") stands before both cues and does not block the cut.
    const bStart = Math.min(b.cue.start, b.source && b.source.start >= aEnd ? b.source.start : Infinity);
    if (aEnd >= bStart || (a.content && b.content && a.content.start < b.content.end && b.content.start < a.content.end)) continue;
    let cut = -1;
    for (let k = idxAt(aEnd) - base; k < toks.length && toks[k]!.start < bStart; k++) {
      const w = toks[k]!.text.toLowerCase();
      if (w === ',' || w === ';') cut = base + k + 1;
      else if (JOINTS.has(w) || w === 'and') cut = base + k;
    }
    if (cut > base) { cuts.add(cut); attributionCuts.add(cut); }
  }
  // Where a source that follows its cue ends: an apposition there describes the source.
  const sourceEnds = new Set(inSentence.filter((a) => a.source && a.source.start >= a.cue.end).map((a) => a.source!.end));
  for (let k = 1; k < toks.length - 3; k++) {
    const w = toks[k]!.text;
    // "X; Y" and "… but denied Y" with a reporting verb right after the joint.
    if (w === ';') cuts.add(base + k + 1);
    // The first letter, lower-cased (exact for ASCII letters): it rules out most words before a test.
    const c0 = w.charCodeAt(0) | 32;
    if ((c0 === 98 /* b */ || c0 === 119 /* w */) && BUT_WHILE.test(w) && toks[k + 1] && SECOND_VERBS.test(toks[k + 1]!.text)) cuts.add(base + k);
    // ", pledging to lift sanctions", ", saying the trip …": a participle clause is a second assertion.
    if (w === ',' && toks[k + 1] && PARTICIPLE.test(toks[k + 1]!.text) && !NOT_PARTICIPLE.test(toks[k + 1]!.text) && CLAUSE_NEXT.test(toks[k + 2]?.text ?? '') && words(k + 1, toks.length) >= 3) cuts.add(base + k + 1);
    // ", and for the time being it has not …": coordinated clauses with five words or more on each side.
    if (w === ',' && AND_BUT.test(toks[k + 1]?.text ?? '') && words(0, k) >= 5 && words(k + 2, toks.length) >= 5) cuts.add(base + k + 1);
    // "… to end the attack on his country “we will not reach …”": a quotation after the clause is its own claim.
    if ((w === '“' || w === '"' || w === "''") && k > 3 && toks[k - 1]!.kind === 'word' && words(k + 1, k + 8) >= 4) cuts.add(base + k);
    // "… new authorizations that would allow foreign investment …", ", which was captured in 1967": a relative clause
    // adds a second assertion; "said that …" is the content of the saying and stays.
    if ((c0 === 116 /* t */ || c0 === 119 /* w */) && THAT_WHICH.test(w) && k > 3 && MODAL.test(toks[k + 1]?.text ?? '') && toks[k - 1]!.kind === 'word' && !SAYING.test(toks[k - 1]!.text) && words(k, toks.length) >= 5) cuts.add(base + k);
    if (w === ',' && WHICH_WHO.test(toks[k + 1]?.text ?? '') && k > 3 && words(k + 1, toks.length) >= 5) {
      // Only a relative clause that ends the sentence: "the talks, which began in May, were useful" stays whole.
      const close = nextComma[k + 2] ?? -1;
      if (close < 0 || words(close, toks.length) < 2) cuts.add(base + k + 1);
    }
    // ", a former jihadist designated as …": a long apposition describes someone; it is a claim of its own, unless it
    // describes the source that ends an attribution ("…, according to Ilse Marchetti, a spokeswoman for the coast guard.").
    if (w === ',' && A_AN.test(toks[k + 1]?.text ?? '') && toks.length - k > 7 && k > 3 && !sourceEnds.has(toks[k]!.start)) cuts.add(base + k + 1);
  }
  // "While Syrian officials have not commented on the meeting, Al-Sharaa said …"
  if (CONCESSIVE.test(toks[0]?.text ?? '')) {
    const comma = toks.findIndex((t, k) => k > 3 && t.text === ',');
    if (comma > 0 && toks.length - comma > 5) cuts.add(base + comma + 1);
  }
  // Never cut inside one attribution (its cue, its content, and its source when it stands next to the cue).
  // The frame (source and cue) and the gap between it and the content stay together; the content itself may split.
  const cueStarts = inSentence.map((o) => o.cue.start);
  const extents = inSentence.map((a) => {
    let lo = a.cue.start, hi = a.cue.end;
    // Another cue between the source and this cue ("The army confirmed X but denied Y"): the source is not adjacent.
    const between = (x: number, y: number): boolean => {
      let l = 0, h = cueStarts.length;
      while (l < h) { const mid = (l + h) >> 1; if (cueStarts[mid]! < x) l = mid + 1; else h = mid; }
      for (let k = l; k < inSentence.length && inSentence[k]!.cue.start < y; k++) if (inSentence[k] !== a && inSentence[k]!.cue.end <= y) return true;
      return false;
    };
    if (a.source && ((Math.abs(a.cue.start - a.source.end) < 30 && !between(a.source.end, a.cue.start)) || Math.abs(a.source.start - a.cue.end) < 30)) {
      lo = Math.min(lo, a.source.start); hi = Math.max(hi, a.source.end);
    }
    if (a.content && a.content.start >= hi) hi = a.content.start + 1;
    else if (a.content && a.content.end <= lo) lo = a.content.end - 1;
    return { lo, hi };
  });
  // Extents merged where they overlap, then swept once with the sorted cuts.
  const spans = extents.filter((e) => e.lo < e.hi).sort((x, y) => x.lo - y.lo);
  const merged: { lo: number; hi: number }[] = [];
  for (const e of spans) {
    const last = merged[merged.length - 1];
    if (last && e.lo < last.hi) last.hi = Math.max(last.hi, e.hi); else merged.push({ ...e });
  }
  let sweep = 0;
  const protectedCut = (c: number): boolean => {
    const at = toks[c - base]?.start ?? Infinity;
    while (sweep < merged.length && merged[sweep]!.hi <= at) sweep++;
    const e = merged[sweep];
    return !attributionCuts.has(c) && !!e && e.lo < at && at < e.hi;
  };
  const sorted = [...cuts].filter((c) => c > base && c < base + toks.length).sort((x, y) => x - y).filter((c) => !protectedCut(c));
  const clauses: Clause[] = [];
  let from = base;
  for (const c of sorted) {
    if (words(from - base, c - base) >= 3) { clauses.push({ firstToken: from, endToken: c }); from = c; }
  }
  if (clauses.length && words(from - base, toks.length) < 3) {
    const last = clauses.pop()!;
    from = last.firstToken;
  }
  clauses.push({ firstToken: from, endToken: base + toks.length });
  // Trim trailing commas and joints so spans read cleanly.
  return clauses.map((c) => {
    let e = c.endToken;
    while (e - 1 > c.firstToken && /^[,;:–—-]$/.test(toks[e - 1 - base]!.text)) e--;
    return { firstToken: c.firstToken, endToken: e };
  });
}

/** Attributions whose content overlaps the span; only cues within a couple of paragraphs are looked at. */
function contentNear(byCue: readonly { a: Attribution; i: number }[], span: Span): number[] {
  const out: number[] = [];
  let lo = 0, hi = byCue.length;
  while (lo < hi) { const mid = (lo + hi) >> 1; if (byCue[mid]!.a.cue.start < span.start - NEAR) lo = mid + 1; else hi = mid; }
  for (let k = lo; k < byCue.length && byCue[k]!.a.cue.start < span.end + NEAR; k++) {
    const { a, i } = byCue[k]!;
    if (a.content && a.content.start < span.end && a.content.end > span.start) out.push(i);
  }
  return out;
}
/** How far (in characters) an attribution's content may stand from its cue. */
const NEAR = 3000;

/** The attribution whose cue lies in the clause, else the one whose content overlaps it most. */
function pickAttribution(attributions: readonly Attribution[], span: Span, inSentence: readonly { a: Attribution; i: number }[], overlapping: readonly number[]): number | null {
  let best: number | null = null, bestOverlap = 0;
  // The sentence's attributions are sorted by cue: the first cue at or after the clause start is the candidate.
  let lo = 0, hi = inSentence.length;
  while (lo < hi) { const mid = (lo + hi) >> 1; if (inSentence[mid]!.a.cue.start < span.start) lo = mid + 1; else hi = mid; }
  const first = inSentence[lo];
  if (first && first.a.cue.end <= span.end) return first.i;
  for (const i of overlapping) {
    const a = attributions[i]!;
    if (!a.content) continue;
    const ov = Math.min(a.content.end, span.end) - Math.max(a.content.start, span.start);
    if (ov > bestOverlap) { best = i; bestOverlap = ov; }
  }
  return bestOverlap >= Math.min(20, (span.end - span.start) / 3) ? best : null;
}
