/*
 * The word lists behind attributions and hedges, as data. The detectors read them and the TextMate grammar is
 * generated from them, so the editor's colouring and the core never disagree. Verb lists were checked against the
 * cue spans of PolNeAR's training split (2016 US election news); hedge lists against the Szeged uncertainty cues.
 */
import type { Stance } from '../types';

/** How a cue verb weighs the content it introduces: "confirmed" confirms, "denied" denies, "said" asserts. */
export interface CueLemma {
  readonly lemma: string;
  readonly stance: Stance;
  /** Irregular or non-derivable forms; regular -s/-ed/-ing forms are derived. */
  readonly forms?: readonly string[];
}

const assert = (lemma: string, forms?: readonly string[]): CueLemma => (forms ? { lemma, stance: 'assert', forms } : { lemma, stance: 'assert' });
const confirm = (lemma: string): CueLemma => ({ lemma, stance: 'confirm' });
const deny = (lemma: string, forms?: readonly string[]): CueLemma => (forms ? { lemma, stance: 'deny', forms } : { lemma, stance: 'deny' });
const other = (lemma: string, forms?: readonly string[]): CueLemma => (forms ? { lemma, stance: 'other', forms } : { lemma, stance: 'other' });

/** Verbs of saying and reporting, e.g. "say" -> "says", "said", "saying". */
export const CUE_LEMMAS: readonly CueLemma[] = [
  assert('say', ['say', 'says', 'said', 'saying']),
  assert('tell', ['tell', 'tells', 'told', 'telling']),
  assert('write', ['write', 'writes', 'wrote', 'written', 'writing']),
  assert('add'), assert('report'), assert('claim'), assert('announce'), assert('reveal'), assert('warn'), assert('state'),
  assert('explain'), assert('insist'), assert('argue'), assert('note'), assert('tweet'), assert('post'), assert('reply'),
  assert('respond'), assert('assert'), assert('allege'), assert('suggest'), assert('predict'), assert('declare'),
  assert('recall'), assert('conclude'), assert('cite'), assert('accuse'), assert('indicate'), assert('reiterate'),
  assert('repeat'), assert('emphasize'), assert('emphasise'), assert('stress'), assert('observe'), assert('remark'),
  assert('mention'), assert('contend'), assert('maintain'), assert('testify'), assert('inform'), assert('clarify'),
  assert('elaborate'), assert('specify'), assert('speculate'), assert('estimate'), assert('promise'), assert('pledge'),
  assert('vow'), assert('urge'), assert('describe'), assert('complain'), assert('caution'), assert('counter'),
  assert('retort'), assert('boast'), assert('brief'), assert('disclose'), assert('announce'), assert('publish'),
  assert('comment'), assert('quote'), assert('predict'), assert('assure'), assert('threaten'), assert('demand'),
  assert('propose'), assert('recommend'), assert('advise'), assert('concede'), assert('divulge'), assert('hint'),
  assert('signal'), assert('email'), assert('text'), assert('joke'), assert('shout'), assert('ask'), assert('tout'),
  assert('learn', ['learn', 'learns', 'learned', 'learnt', 'learning']),
  assert('find', ['find', 'finds', 'found', 'finding']),
  assert('show', ['show', 'shows', 'showed', 'shown', 'showing']),
  confirm('confirm'), confirm('acknowledge'), confirm('admit'), confirm('verify'),
  deny('deny', ['deny', 'denies', 'denied', 'denying']), deny('reject'), deny('dismiss'), deny('refute'), deny('rebut'),
  deny('dispute'), deny('contradict'),
  other('decline'), other('refuse'),
];

/** Multi-word cues with the stance they carry: "according to", "made it clear", "declined to comment". */
export const CUE_PHRASES: readonly { readonly phrase: string; readonly stance: Stance }[] = [
  { phrase: 'according to', stance: 'assert' },
  { phrase: 'made it clear', stance: 'assert' },
  { phrase: 'make it clear', stance: 'assert' },
  { phrase: 'makes it clear', stance: 'assert' },
  { phrase: 'has learned', stance: 'assert' },
  { phrase: 'have learned', stance: 'assert' },
  { phrase: 'pointed out', stance: 'assert' },
  { phrase: 'points out', stance: 'assert' },
  { phrase: 'went on to say', stance: 'assert' },
  { phrase: 'quoted as saying', stance: 'assert' },
  { phrase: 'declined to comment', stance: 'no-comment' },
  { phrase: 'declines to comment', stance: 'no-comment' },
  { phrase: 'declined to elaborate', stance: 'no-comment' },
  { phrase: 'declined to say', stance: 'no-comment' },
  { phrase: 'refused to comment', stance: 'no-comment' },
  { phrase: 'refused to say', stance: 'no-comment' },
  { phrase: 'no comment', stance: 'no-comment' },
  { phrase: 'no word from', stance: 'no-comment' },
  { phrase: 'no immediate comment from', stance: 'no-comment' },
  { phrase: 'no response from', stance: 'no-comment' },
  { phrase: 'could not be reached', stance: 'no-comment' },
  { phrase: 'did not respond', stance: 'no-comment' },
  { phrase: 'did not immediately respond', stance: 'no-comment' },
  { phrase: 'have not commented', stance: 'no-comment' },
  { phrase: 'has not commented', stance: 'no-comment' },
  { phrase: 'did not comment', stance: 'no-comment' },
  { phrase: 'did not disclose', stance: 'no-comment' },
  { phrase: 'would not say', stance: 'no-comment' },
  { phrase: 'would not comment', stance: 'no-comment' },
];

/** Lemmas that, negated ("did not comment", "has not confirmed"), mean the source declined to say. */
export const NO_COMMENT_WHEN_NEGATED: ReadonlySet<string> = new Set([
  'comment', 'disclose', 'respond', 'reply', 'say', 'confirm', 'reveal', 'elaborate', 'specify', 'divulge', 'tell', 'announce',
]);

/** Auxiliaries and negations that may stand between a source and its cue: "has not commented", "did not say". */
export const CUE_AUXILIARIES: ReadonlySet<string> = new Set([
  'has', 'have', 'had', 'is', 'are', 'was', 'were', 'be', 'been', 'being', 'will', 'would', 'shall', 'should', 'can',
  'could', 'may', 'might', 'must', 'do', 'does', 'did', 'not', 'never', "n't", 'n’t', 'also', 'later', 'previously',
  'first', 'then', 'reportedly', 'repeatedly', 'publicly', 'privately', 'initially', 'earlier', 'recently', 'once',
  'again', 'further', 'separately', 'subsequently', 'still', 'already', 'just', 'even', 'often', 'flatly',
  'strongly', 'explicitly', 'quickly', 'immediately', 'formally', 'officially', 'simply', 'only',
]);

const NEGATIONS: ReadonlySet<string> = new Set(['not', 'never', "n't", 'n’t']);
/** "not", "never", "n't". */
export const isNegation = (lower: string): boolean => NEGATIONS.has(lower);

function inflections(c: CueLemma): string[] {
  if (c.forms) return [...c.forms];
  const l = c.lemma;
  if (l.endsWith('e')) return [l, l + 's', l + 'd', l.slice(0, -1) + 'ing'];
  if (/[^aeiou]y$/.test(l)) return [l, l.slice(0, -1) + 'ies', l.slice(0, -1) + 'ied', l + 'ing'];
  if (/(s|sh|ch|x|z)$/.test(l)) return [l, l + 'es', l + 'ed', l + 'ing'];
  // Doubling of the last consonant: "admit" -> "admitted", "refer" -> "referred".
  if (/^(admit|commit|regret|refer|prefer|submit|omit)$/.test(l)) return [l, l + 's', l + l.slice(-1) + 'ed', l + l.slice(-1) + 'ing'];
  return [l, l + 's', l + 'ed', l + 'ing'];
}

/** Every single-word surface form of a cue lemma, lower-case -> its lemma: "denied" -> deny. */
export const CUE_FORMS: ReadonlyMap<string, CueLemma> = new Map(CUE_LEMMAS.flatMap((c) => inflections(c).map((f) => [f, c] as const)));

/** Every surface form of the cue verbs and phrases, lower-case: "said", "told", "according to", "declined to comment". */
export const ATTRIBUTION_CUES: readonly string[] = [...new Set([...CUE_FORMS.keys(), ...CUE_PHRASES.map((p) => p.phrase)])].sort();

/** Cues that deny or refuse: "denied", "rejected", "dismissed", "refuted". */
export const DENIAL_CUES: readonly string[] = [...CUE_FORMS].filter(([, c]) => c.stance === 'deny').map(([f]) => f).sort();

/** Hedge kinds: attribution ("reportedly"), modal ("could"), belief ("it is believed"), conditional ("if confirmed"). */
export type HedgeKind = 'attribution' | 'modal' | 'belief' | 'conditional' | 'weasel';

/** Attribution hedges, on by default, with their kind: "reportedly", "allegedly", "could", "expected to". */
export const HEDGE_TABLE: readonly (readonly [string, HedgeKind])[] = [
  ['reportedly', 'attribution'], ['allegedly', 'attribution'], ['apparently', 'attribution'], ['purportedly', 'attribution'],
  ['supposedly', 'attribution'], ['ostensibly', 'attribution'], ['unconfirmed', 'attribution'], ['unverified', 'attribution'],
  ['alleged', 'attribution'], ['rumored', 'attribution'], ['rumoured', 'attribution'], ['sources say', 'attribution'],
  ['sources said', 'attribution'], ['it is said', 'attribution'], ['is said to', 'attribution'], ['are said to', 'attribution'],
  ['was said to', 'attribution'], ['is reported to', 'attribution'], ['was reported to', 'attribution'],
  ['it is reported', 'attribution'], ['it was reported', 'attribution'], ['claimed to', 'attribution'],
  ['it is believed', 'belief'], ['it was believed', 'belief'], ['is believed', 'belief'], ['are believed', 'belief'],
  ['was believed', 'belief'], ['were believed', 'belief'], ['is thought', 'belief'], ['are thought', 'belief'],
  ['was thought', 'belief'], ['is understood', 'belief'], ['believed to', 'belief'], ['thought to', 'belief'],
  ['believe', 'belief'], ['believes', 'belief'], ['think', 'belief'], ['thinks', 'belief'], ['suspect', 'belief'],
  ['suspected', 'belief'], ['suspects', 'belief'], ['suspicion', 'belief'], ['speculated', 'belief'],
  ['speculation', 'belief'], ['presumably', 'belief'], ['presumed', 'belief'], ['suggest', 'belief'],
  ['suggests', 'belief'], ['suggested', 'belief'], ['suggesting', 'belief'], ['suggestion', 'belief'],
  ['seem', 'belief'], ['seems', 'belief'], ['seemed', 'belief'], ['seemingly', 'belief'], ['appear', 'belief'],
  ['appears', 'belief'], ['appeared to', 'belief'], ['appear to', 'belief'], ['looks like', 'belief'],
  ['could', 'modal'], ['may', 'modal'], ['might', 'modal'], ['perhaps', 'modal'], ['possibly', 'modal'],
  ['possible', 'modal'], ['possibility', 'modal'], ['probably', 'modal'], ['probable', 'modal'], ['likely', 'modal'],
  ['unlikely', 'modal'], ['likelihood', 'modal'], ['potential', 'modal'], ['potentially', 'modal'],
  ['expected to', 'modal'], ['is expected', 'modal'], ['are expected', 'modal'], ['was expected', 'modal'],
  ['expects', 'modal'], ['expect', 'modal'], ['anticipated', 'modal'], ['predicted', 'modal'], ['forecast', 'modal'],
  ['tentatively', 'modal'], ['tentative', 'modal'], ['unclear', 'modal'], ['not clear', 'modal'], ['uncertain', 'modal'],
  ['unknown', 'modal'], ['remains to be seen', 'modal'], ['whether', 'conditional'], ['if', 'conditional'],
  ['unless', 'conditional'],
];

/** Attribution hedges, lower-case: "reportedly", "allegedly", "it is believed", "could", "expected to". */
export const HEDGES: readonly string[] = HEDGE_TABLE.map(([w]) => w);

/** Style weasels, off by default: "some say", "many believe", "critics say", "it is widely believed". */
export const STYLE_WEASELS: readonly string[] = [
  'some say', 'some believe', 'some argue', 'many say', 'many believe', 'many argue', 'critics say', 'critics argue',
  'experts say', 'experts believe', 'observers say', 'people say', 'it is widely believed', 'widely believed',
  'widely reported', 'it has been suggested', 'it is said', 'some people', 'many people', 'arguably', 'somewhat',
  'relatively', 'fairly', 'quite', 'rather', 'virtually', 'essentially', 'basically', 'generally', 'usually',
  'often', 'largely', 'mostly', 'to some extent', 'in some ways', 'it seems', 'it appears', 'clearly', 'obviously',
  'of course', 'so-called', 'allegations', 'questions remain', 'it remains unclear', 'a number of', 'various',
];
