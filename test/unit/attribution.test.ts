import { test } from 'node:test';
import assert from 'node:assert/strict';
import { tokenize } from '../../src/core/text/tokenize';
import { splitSentences } from '../../src/core/text/sentences';
import type { TextContext } from '../../src/core/text/context';
import type { AnalysisOptions, Attribution, EntityMention, EntityType, SourceKind, Stance } from '../../src/core/types';
import { findAttributions } from '../../src/core/attribution/findAttributions';
import { parseCueReranker, rerankScore, serializeCueReranker, shippedCueReranker, type RerankFacts } from '../../src/core/attribution/cueRerank';
import { trainCueReranker } from '../../src/core/attribution/trainCueModel';
import { buildTokenView } from '../../src/core/attribution/view';
import { cueFeatures, sentenceQuoted } from '../../src/core/attribution/cueFeatures';
import { scoreCue, scoreCueAt, shippedCueModel } from '../../src/core/attribution/cueModel';
import { ATTRIBUTION_CUES, DENIAL_CUES, HEDGES, STYLE_WEASELS } from '../../src/core/attribution/lexicon';

const context = (text: string): TextContext => {
  const tokens = tokenize(text);
  return { text, tokens, sentences: splitSentences(text, tokens), published: null };
};
const attributions = (text: string, options: AnalysisOptions = {}, entities: readonly EntityMention[] = []): Attribution[] => findAttributions(context(text), entities, options);
/** Entity mentions as the tagger would give them, located by their text. */
const mentions = (text: string, names: readonly (readonly [string, EntityType])[]): EntityMention[] =>
  names.map(([name, type]) => { const start = text.indexOf(name); return { start, end: start + name.length, text: name, type }; });

interface Expected {
  readonly cue: string;
  readonly source?: string | null;
  readonly kind?: SourceKind;
  readonly stance?: Stance;
  /** A piece of text the content must contain. */
  readonly content?: string;
  readonly direct?: boolean;
  readonly relayedTo?: string;
  /** Entities the tagger found, when the case needs them. */
  readonly entities?: readonly (readonly [string, EntityType])[];
}

const POSITIVES: readonly (readonly [string, Expected])[] = [
  ['The ministry said on Monday that the border would reopen.', { cue: 'said', source: 'The ministry', kind: 'named-organization', stance: 'assert', content: 'the border would reopen' }],
  ['Two officials familiar with the plan told Reuters the deal was close.', { cue: 'told', source: 'Two officials familiar with the plan', kind: 'unnamed', relayedTo: 'Reuters', content: 'the deal was close' }],
  ['According to the health ministry, 40 people were hurt in the blast.', { cue: 'According to', source: 'the health ministry', kind: 'named-organization', content: '40 people were hurt' }],
  ['The strike killed three civilians, local sources said.', { cue: 'said', source: 'local sources', kind: 'unnamed', content: 'The strike killed three civilians' }],
  ['Jane Doe, a nurse at the clinic, said the wards were full.', { cue: 'said', source: 'Jane Doe', kind: 'named-person', content: 'the wards were full' }],
  ['The army denied that its troops had crossed the line.', { cue: 'denied', source: 'The army', kind: 'named-organization', stance: 'deny', content: 'its troops had crossed the line' }],
  ['The company confirmed the layoffs but denied any link to the merger.', { cue: 'confirmed', source: 'The company', stance: 'confirm', content: 'the layoffs' }],
  ['The company confirmed the layoffs but denied any link to the merger.', { cue: 'denied', source: 'The company', stance: 'deny', content: 'any link to the merger' }],
  ['The embassy declined to comment on the report.', { cue: 'declined to comment', source: 'The embassy', stance: 'no-comment' }],
  ['The governor has not commented on the lawsuit.', { cue: 'has not commented', source: 'The governor', stance: 'no-comment' }],
  ['Police did not disclose the names of the suspects.', { cue: 'did not disclose', source: 'Police', stance: 'no-comment' }],
  ['There was no word from Ankara on the proposal.', { cue: 'no word from', source: 'Ankara', kind: 'named-organization', stance: 'no-comment' }],
  ['Mayor Ana Lopez toured the site.\n“We will rebuild,” she said.', { cue: 'said', source: 'she', kind: 'named-person', content: 'We will rebuild', direct: true, entities: [['Ana Lopez', 'PERSON']] }],
  ['Senator John Smith made it clear that he would vote against the bill.', { cue: 'made it clear', source: 'Senator John Smith', kind: 'named-person', content: 'he would vote against the bill' }],
  ['The Herald has learned that the mayor will resign.', { cue: 'has learned', source: 'The Herald', kind: 'named-organization', content: 'the mayor will resign' }],
  ['“It is over,” said Maria Silva.', { cue: 'said', source: 'Maria Silva', kind: 'named-person', content: 'It is over', direct: true }],
  ['"We will win the state, " he said.', { cue: 'said', source: 'he', content: 'We will win the state', direct: true }],
  ['The Club for Growth is reportedly spending $1.5 million on ads.', { cue: 'reportedly', source: null, content: 'spending $1.5 million on ads' }],
  ['In a CNN/ORC poll released Monday, Clinton led Trump by five points.', { cue: 'In', source: 'a CNN/ORC poll released Monday', content: 'Clinton led Trump by five points' }],
  // A cue noun after a determiner still reports when a that-clause follows it.
  ['Trump said on Monday that there were thousands of shootings. Trump said crime was rising. Politifact did a fact-check on Donald Trump’s claim that there have been “thousands of shootings” in Chicago.', { cue: 'claim', source: 'Donald Trump’s', content: 'there have been' }],
  // A colon that opens a quotation is the cue, with the predicate it ends, when nothing in its sentence said so before it.
  ['The piece used one of her quotes as its headline: “The program has failed.”', { cue: 'used one of her quotes as its headline:', content: 'The program has failed', direct: true }],
  ["''This isn't tax reform,'' said Maria Silva.", { cue: 'said', source: 'Maria Silva', kind: 'named-person', content: "This isn't tax reform", direct: true }],
  ['The plan was first reported by the Chronicle.', { cue: 'reported', source: 'the Chronicle' }],
  ['Prime Minister Karl Berg warned that the reserves were running low.', { cue: 'warned', source: 'Prime Minister Karl Berg', kind: 'named-person', content: 'the reserves were running low' }],
  ['The observatory reported that shelling continued overnight.', { cue: 'reported', source: 'The observatory', kind: 'named-organization', content: 'shelling continued overnight' }],
  ['Rescue workers say the death toll is rising.', { cue: 'say', source: 'Rescue workers', content: 'the death toll is rising' }],
  ['The UNHCR announced new funding for the camps.', { cue: 'announced', source: 'The UNHCR', kind: 'named-organization', content: 'new funding for the camps' }],
  ['The fund is run by Omar Haddad, who said the money had arrived.', { cue: 'said', source: 'who', kind: 'named-person', content: 'the money had arrived' }],
  ['Representative Jane Roe of Ohio said the vote was rigged.', { cue: 'said', kind: 'named-person', content: 'the vote was rigged', entities: [['Ohio', 'GPE']] }],
  ['Many Democrats say the bill goes too far.', { cue: 'say', source: 'Many Democrats', kind: 'unnamed' }],
  ['Moscow rejected the accusation as baseless.', { cue: 'rejected', source: 'Moscow', kind: 'named-organization', stance: 'deny' }],
  ['Trump wants to junk personal exemptions.', { cue: 'wants', source: 'Trump', kind: 'named-person', content: 'to junk personal exemptions', entities: [['Trump', 'PERSON']] }],
  ['Senator Maria Lopez plans to introduce the bill next week.', { cue: 'plans', source: 'Senator Maria Lopez', kind: 'named-person', content: 'to introduce the bill' }],
  ['A poll released Monday shows Clinton leading by five points.', { cue: 'shows', source: 'A poll released Monday', kind: 'other', content: 'Clinton leading' }],
];

test('attributions: cue, source, kind, stance, content', () => {
  for (const [text, e] of POSITIVES) {
    const found = attributions(text, {}, mentions(text, e.entities ?? [])).filter((a) => a.cue.text === e.cue);
    assert.ok(found.length > 0, `no cue "${e.cue}" in: ${text} (found ${attributions(text).map((a) => a.cue.text).join(', ')})`);
    const a = found[0]!;
    if (e.source !== undefined) assert.equal(a.source?.text ?? null, e.source, `source in: ${text}`);
    if (e.kind) assert.equal(a.sourceKind, e.kind, `kind in: ${text}`);
    if (e.stance) assert.equal(a.stance, e.stance, `stance in: ${text}`);
    if (e.content) assert.ok(a.content?.text.includes(e.content), `content "${a.content?.text}" lacks "${e.content}" in: ${text}`);
    if (e.direct !== undefined) assert.equal(a.direct, e.direct, `direct in: ${text}`);
    if (e.relayedTo) assert.equal(a.relayedTo?.text, e.relayedTo, `relayed in: ${text}`);
  }
});

const FALSE_POSITIVES: readonly (readonly [string, string])[] = [
  ['All told, the storm destroyed 300 homes.', 'told'],
  ['She starred in the film “He Said, She Said” last year.', 'Said'],
  ['The claims were examined by auditors.', 'claims'],
  ['His reports on the war won an award.', 'reports'],
  ['Having said that, the plan remains popular.', 'said'],
  ['That said, the economy grew.', 'said'],
  ['The show opens next week in the capital.', 'show'],
  ['The ad features images of uniformed officers.', 'features'],
  ['In Iowa, a new poll shows Trump ahead.', 'In'],
  ["Let's say you think a degree will cost $50,000.", 'say'],
  ['It goes without saying that taxes will rise.', 'saying'],
  ['It would cost more than, say, the Democratic plan.', 'say'],
  ['Suffice it to say the plan failed.', 'say'],
  ["''Tell that to the janitor who pays taxes,'' he said.", 'Tell'],
  ['Now tell us this is not a witch hunt!', 'tell'],
  ["It's worth noting that taxes rose last year.", 'noting'],
  ['Julie Hirschfeld Davis reported from Midway Atoll.', 'reported'],
];

test('false positives: words that look like cues but are not', () => {
  for (const [text, word] of FALSE_POSITIVES) {
    const hit = attributions(text).find((a) => a.cue.text === word);
    assert.equal(hit, undefined, `"${word}" taken as a cue in: ${text}`);
  }
});

test('"it shows" is evidence, not the organisation quoted before it', () => {
  const text = 'The Washington Post said on Monday that a poll was released. It shows that Clinton leads by 5 points.';
  for (const a of attributions(text).filter((x) => x.source?.text === 'It')) assert.equal(a.sourceKind, 'other', a.cue.text);
});

test('the reranker: its text form round-trips and it weighs the parse', () => {
  const shipped = shippedCueReranker();
  assert.ok(shipped && shipped.floor < 0 && shipped.weights.size > 0, 'a reranker ships');
  const again = parseCueReranker(serializeCueReranker(shipped));
  assert.deepEqual([again.floor, again.ceiling, again.threshold], [shipped.floor, shipped.ceiling, shipped.threshold]);
  assert.deepEqual([...again.weights], [...shipped.weights].sort((a, b) => (a[0] < b[0] ? -1 : 1)));
  const facts: RerankFacts = {
    score: 2, word: 'wants', lexicon: false, kind: 'named-person', pronoun: false, sourceHead: 'trump', sourceAfter: false, content: 'after',
    contentTokens: 5, inSentence: 1, top: true, nested: false, negated: false, quoted: false, headline: false, contentOpens: 'to',
    sourceTokens: 1, relayed: false, sameSource: 2,
  };
  const toy = parseCueReranker('floor\t-10\nceiling\t99\nthreshold\t0\nsc\t1\nk=named-person\t0.5');
  assert.equal(rerankScore(toy, facts), 2 / 5 + 0.5);
  assert.ok(rerankScore(shipped, facts) > rerankScore(shipped, { ...facts, kind: 'none', content: 'none', contentOpens: 'none', sourceHead: '', sameSource: 0 }));
});

test('the reranker learns which parses make cues', () => {
  const base: RerankFacts = {
    score: 0, word: 'x', lexicon: false, kind: 'none', pronoun: false, sourceHead: '', sourceAfter: false, content: 'none',
    contentTokens: 0, inSentence: 1, top: true, nested: false, negated: false, quoted: false, headline: false, contentOpens: 'none',
    sourceTokens: 0, relayed: false, sameSource: 0,
  };
  const examples = Array.from({ length: 40 }, (_, i) => ({ facts: { ...base, kind: (i % 2 ? 'named-person' : 'none') as RerankFacts['kind'] }, label: i % 2 === 1 }));
  const model = trainCueReranker(examples, { floor: -10, ceiling: 99, threshold: 0 }, { minCount: 1 });
  assert.ok(rerankScore(model, examples[1]!.facts) > 0 && rerankScore(model, examples[0]!.facts) < 0);
});

test('quotations over several paragraphs are one content; an unclosed quote ends with its paragraph', () => {
  const multi = 'The minister said: “The first stage is done.\n“The second stage starts in May.”\nThe session ended.';
  const a = attributions(multi).find((x) => x.cue.text === 'said')!;
  assert.ok(a.direct && a.content?.text.includes('first stage') && a.content.text.includes('second stage'), a.content?.text);
  assert.ok(!a.content!.text.includes('session ended'));
  const unbalanced = 'The mayor said: “This never closes.\nThe council said the vote passed.';
  const council = attributions(unbalanced).find((x) => x.source?.text === 'The council');
  assert.ok(council, 'the second paragraph still has its attribution');
  assert.equal(council.content?.text, 'the vote passed');
  const mayor = attributions(unbalanced).find((x) => x.source?.text === 'The mayor')!;
  assert.ok(!mayor.content?.text.includes('council'), 'a stray quote mark stays in its paragraph');
});

test('a quotation signed after a dash is attributed to the signer', () => {
  const text = 'We stand with our partners and will keep our promises. — Foreign Ministry (@ForeignMin) May 2, 2025';
  const a = attributions(text).find((x) => x.cue.text === '—');
  assert.ok(a, 'dash attribution');
  assert.equal(a.source?.text, 'Foreign Ministry');
  assert.equal(a.sourceKind, 'named-organization');
  assert.ok(a.content?.text.includes('We stand with our partners'));
});

test('a name or "From X" before a colon introduces what they said', () => {
  const table: readonly (readonly [string, string, string])[] = [
    ['Senator Lee: The budget deal is dead', 'Senator Lee', 'The budget deal is dead'],
    ['From the Foreign Office: “We are monitoring the situation.”', 'the Foreign Office', 'We are monitoring the situation'],
    // A transcript turn inside a quoted transcript.
    ['Partial transcript as follows:\n\n“WALLACE: Let’s start with the debate.\n\n“PENCE: Well, look, it was a good night.', 'PENCE', 'it was a good night'],
    // A cue inside what the headline quotes does not take the colon's place.
    ['Pat Caddell: Democrat Voters Worried About Clinton’s Health', 'Pat Caddell', 'Democrat Voters Worried'],
  ];
  for (const [text, source, content] of table) {
    const a = attributions(text).find((x) => x.cue.text === ':' && x.source?.text === source);
    assert.ok(a, text);
    assert.equal(a.source?.text, source, text);
    assert.ok(a.content?.text.includes(content), text);
  }
  // Labels, interview turns, times and tallies are no speakers.
  for (const label of ['Note: the office is closed on Sundays.', 'Update: the road has reopened.', 'Q: Have you talked to her?', '11: 06 a.m. The polls closed.', 'Clinton: 547. Sanders: 46.', 'The Latest: Trump urges supporters to monitor polls']) {
    assert.equal(attributions(label).filter((x) => x.cue.text === ':').length, 0, label);
  }
});

test('a colon after a cue belongs to that cue, and a colon makes one cue at most', () => {
  for (const text of ['He said: “We will win.”', 'Price: "high".']) {
    assert.equal(attributions(text).filter((a) => a.cue.text.endsWith(':')).length, text.startsWith('Price') ? 1 : 0, text);
  }
});

test('extra cue phrases from the settings', () => {
  const text = 'The minister wrote on Telegram that talks had stalled.';
  const a = attributions(text, { extraCues: ['wrote on Telegram'] }).find((x) => x.cue.text === 'wrote on Telegram');
  assert.ok(a);
  assert.equal(a.source?.text, 'The minister');
  assert.ok(a.content?.text.includes('talks had stalled'));
});

test('every span is the slice of its offsets', () => {
  const text = 'Al-Qasim, 54, told the BBC: “We left at night.”\n“Then the shelling started,” he added. Officials said nothing.';
  for (const a of attributions(text)) {
    for (const s of [a.cue, a.source, a.content, a.relayedTo]) if (s) assert.equal(s.text, text.slice(s.start, s.end));
  }
});

test('adversarial input stays linear', () => {
  const inputs = ['“'.repeat(200_000), 'said '.repeat(100_000), ', '.repeat(200_000), 'The official said “'.repeat(20_000), 'a '.repeat(200_000) + 'said'];
  for (const text of inputs) {
    const started = performance.now();
    attributions(text);
    assert.ok(performance.now() - started < 5_000, `too slow on ${JSON.stringify(text.slice(0, 20))}…`);
  }
});

test('the lexicon exports the word lists the grammar is generated from', () => {
  for (const w of ['said', 'says', 'told', 'added', 'according to', 'reported', 'claimed', 'confirmed', 'denied', 'revealed', 'announced', 'warned', 'made it clear', 'has learned', 'declined to comment', 'have not commented', 'did not disclose', 'no word from']) {
    assert.ok(ATTRIBUTION_CUES.includes(w), w);
  }
  for (const w of ['denied', 'denies', 'rejected']) assert.ok(DENIAL_CUES.includes(w), w);
  for (const w of ['reportedly', 'allegedly', 'apparently', 'it is believed', 'sources say', 'could', 'may', 'expected to', 'unconfirmed']) assert.ok(HEDGES.includes(w), w);
  assert.ok(STYLE_WEASELS.includes('some say'));
  for (const list of [ATTRIBUTION_CUES, DENIAL_CUES, HEDGES, STYLE_WEASELS]) {
    assert.equal(new Set(list).size, list.length, 'no duplicates');
    for (const w of list) assert.equal(w, w.toLowerCase().trim(), w);
  }
});

test('the hashed cue scorer gives the same sum as the feature strings, feature for feature', () => {
  const text = 'A senior Israeli source told CNN on Monday that talks had stalled. "We will not go back," the army said, adding that | odd = tokens | stay. Officials declined to comment.';
  const ctx = context(text);
  const view = buildTokenView(ctx);
  const model = shippedCueModel();
  let scored = 0;
  for (const s of ctx.sentences) {
    const sq = sentenceQuoted(view, s.firstToken, s.endToken);
    for (let i = s.firstToken; i < s.endToken; i++) {
      const strings = cueFeatures(ctx.tokens, view, i, s.firstToken, s.endToken, sq);
      assert.equal(scoreCueAt(model, ctx.tokens, view, i, s.firstToken, s.endToken, sq), scoreCue(model, strings), ctx.tokens[i]!.text);
      if (scoreCue(model, strings) !== 0) scored++;
    }
  }
  assert.ok(scored > 10, 'the model knows these features');
});
