import { test } from 'node:test';
import assert from 'node:assert/strict';
import { tokenize } from '../../src/core/text/tokenize';
import { splitSentences } from '../../src/core/text/sentences';
import { readDateline } from '../../src/core/text/dateline';
import { findEntities } from '../../src/core/entities/findEntities';
import { EMPTY_TAGGER, emissions, loadTagger, labelsToRanges, parseModel, sentenceStartsOf, viterbi, TAGS } from '../../src/core/entities/tagger';
import { addHistoryFeatures, documentStats, FeatureBuffer, recordHistory, sentenceFeatures, wordShape } from '../../src/core/entities/features';
import { fromBase64, toBase64 } from '../../src/core/entities/base64';
import { readModel } from './sharedData';
import type { EntityMention } from '../../src/core/types';

const tagger = loadTagger(readModel());

/** The whole entity pipeline on a short text: tokens, sentences, dateline, tagger, rules. */
function entities(text: string, published: string | null = '2025-05-16'): EntityMention[] {
  const tokens = tokenize(text);
  const sentences = splitSentences(text, tokens);
  const dateline = readDateline(text);
  return findEntities({ text, tokens, sentences, published: dateline.published ?? published }, tagger, {
    outlet: dateline.outlet, datelineEnd: dateline.span?.end ?? null,
  });
}

const show = (es: readonly EntityMention[]): string[] => es.map((e) => `${e.text}/${e.type}${e.value !== undefined ? '=' + e.value : ''}`);

test('names, places, nationalities and organisations, with titles left outside', () => {
  // [text, mentions that must be present as "text/TYPE"]
  const table: [string, string[]][] = [
    ['Secretary of State Jane Holloway said the talks would resume.', ['Jane Holloway/PERSON']],
    ['Brig. Gen. Yosef Amrani inspected the northern units.', ['Yosef Amrani/PERSON']],
    ['The Defence Ministry said Egyptian and Jordanian envoys met in Amman.', ['Defence Ministry/ORG', 'Egyptian/NORP', 'Jordanian/NORP', 'Amman/GPE']],
    ['Prime Minister Mark Carney spoke to reporters in Ottawa.', ['Mark Carney/PERSON', 'Ottawa/GPE']],
    ['Lebanese officials said Hezbollah had withdrawn from the border.', ['Lebanese/NORP', 'Hezbollah/ORG']],
    ['The United Nations Security Council will meet in New York.', ['United Nations Security Council/ORG', 'New York/GPE']],
    ['Iraqi Foreign Minister Fuad Hussein met Kurdish leaders in Erbil.', ['Iraqi/NORP', 'Fuad Hussein/PERSON', 'Kurdish/NORP', 'Erbil/GPE']],
    ['Mohammed bin Salman received the delegation in Jeddah.', ['Mohammed bin Salman/PERSON', 'Jeddah/GPE']],
    ['Shells fell on Tal Rifaat village overnight.', ['Tal Rifaat/GPE']],
    ['The European Commission and Germany disagreed.', ['European Commission/ORG', 'Germany/GPE']],
    ['Days after US President Jane Roe arrived in Cairo, talks began.', ['US/GPE', 'Jane Roe/PERSON', 'Cairo/GPE']],
  ];
  for (const [text, expected] of table) {
    const got = show(entities(text));
    for (const e of expected) assert.ok(got.includes(e), `${text}\n  expected ${e}\n  got ${got.join(', ')}`);
  }
});

test('a surname alone, later in the same article, is the same person', () => {
  const got = show(entities('Defence chief Rami Haddad visited the front. Haddad said the lines held.'));
  assert.ok(got.includes('Rami Haddad/PERSON'), got.join());
  assert.ok(got.includes('Haddad/PERSON'), got.join());
});

test('transliterated names, numbered channels and short company names', () => {
  const table: [string, string[]][] = [
    ['The order came from Bashir al-Hamdan, a senior commander.', ['Bashir al-Hamdan/PERSON']],
    ['Airstrikes hit Deir al-Balah overnight.', ['Deir al-Balah/GPE']],
    ['The interview aired on Channel 14 late on Friday.', ['Channel 14/ORG']],
    ['Kestrel Motors Inc said sales fell. Kestrel cut its forecast.', ['Kestrel Motors Inc/ORG']],
  ];
  for (const [text, expected] of table) {
    const got = show(entities(text));
    for (const e of expected) assert.ok(got.includes(e), `${text}\n  expected ${e}\n  got ${got.join(', ')}`);
  }
  const banned = show(entities('Airstrikes hit Deir al-Balah overnight.'));
  assert.ok(!banned.some((g) => g.endsWith('/PERSON')), banned.join());
});

test('the outlet named by the dateline is an organisation', () => {
  const got = show(entities('date 2025-05-16 Levant Wire/ Talks resumed in Amman.'));
  assert.ok(got.includes('Levant Wire/ORG'), got.join());
  assert.ok(got.includes('2025-05-16/DATE=2025-05-16'), got.join());
});

test('false positives: sentence openers, titles and common words are not entities', () => {
  // [text, surface strings that must not be (part of) any named mention]
  const table: [string, string[]][] = [
    ['According to officials, the convoy left at dawn.', ['According']],
    ['Meanwhile, fuel prices rose again.', ['Meanwhile']],
    ['Sources said nobody was hurt.', ['Sources']],
    ['Maj. Gen. Yosef Amrani arrived.', ['Maj.', 'Gen.']],
    ['Secretary of State Jane Holloway arrived.', ['Secretary', 'State']],
    ['Interim Syrian leader Omar Nasser spoke.', ['Interim']],
    ['However, the army may withdraw soon.', ['However', 'may']],
  ];
  for (const [text, banned] of table) {
    const es = entities(text);
    for (const b of banned) {
      const hit = es.find((e) => e.text.split(/\s+/).includes(b));
      assert.equal(hit, undefined, `${text}: "${b}" inside ${hit ? `${hit.text}/${hit.type}` : ''}`);
    }
  }
});

test('a spelled-out number opening a sentence is a NUMBER, not a name', () => {
  for (const text of ['Twelve crew members were rescued on Monday.', 'Forty people were hurt, officials said.']) {
    const first = entities(text)[0];
    assert.equal(first?.type, 'NUMBER', `${text}: ${first ? `${first.text}/${first.type}` : 'nothing'}`);
  }
});

test('numbers, money and percentages are normalised', () => {
  const table: [string, string][] = [
    ['The army withdrew six tanks.', 'six/NUMBER=6'],
    ['About 1,000 people marched.', '1,000/NUMBER=1000'],
    ['The fund pledged $1.5 billion.', '$1.5 billion/MONEY=USD 1500000000'],
    ['Inflation reached 3.5% in April.', '3.5%/PERCENT=3.5%'],
    ['Turnout was 62 percent.', '62 percent/PERCENT=62%'],
    ['Two hundred thousand people fled.', 'Two hundred thousand/NUMBER=200000'],
    ['The convoy travelled 40 km north.', '40 km/QUANTITY=40 km'],
  ];
  for (const [text, expected] of table) {
    const got = show(entities(text));
    assert.ok(got.includes(expected), `${text}\n  expected ${expected}\n  got ${got.join(', ')}`);
  }
});

test('false positives: headline words and times are not names', () => {
  const table: [string, string][] = [
    ['Ceasefire talks resume in Cairo', 'Ceasefire'],
    ['Aid convoys reach northern towns', 'Aid'],
    ['The army posted the order at 09:30 GMT.', 'GMT'],
  ];
  for (const [text, banned] of table) {
    const named = entities(text).filter((e) => !['DATE', 'TIME', 'NUMBER', 'MONEY', 'PERCENT', 'QUANTITY'].includes(e.type));
    assert.ok(!named.some((e) => e.text.split(/\s+/).includes(banned)), `${text}: ${show(named).join(', ')}`);
  }
  assert.ok(show(entities('The army posted the order at 09:30 GMT.')).includes('09:30 GMT/TIME=2025-05-16T09:30'));
});

test('without a model, values and the outlet are still found', () => {
  const text = 'date 2025-05-16 Levant Wire/ Six trucks crossed on Friday.';
  const tokens = tokenize(text);
  const dateline = readDateline(text);
  const got = show(findEntities({ text, tokens, sentences: splitSentences(text, tokens), published: dateline.published }, EMPTY_TAGGER, {
    outlet: dateline.outlet, datelineEnd: dateline.span?.end ?? null,
  }));
  for (const e of ['Levant Wire/ORG', 'Six/NUMBER=6', 'Friday/DATE=2025-05-16']) assert.ok(got.includes(e), got.join());
  assert.throws(() => loadTagger('{"format": "something-else"}'), /model format/);
});

test('false positives: "one" in "no one" and a count before a noun are not dates or numbers', () => {
  const table: [string, string][] = [
    ['No one claimed the attack.', 'one'],
    ['Some 2000 people were evacuated.', '2000/DATE'],
  ];
  for (const [text, banned] of table) {
    const got = show(entities(text)).map((s) => s.split('=')[0]!);
    assert.ok(!got.some((g) => g === banned || g.startsWith(banned + '/')), `${text}: ${got.join(', ')}`);
  }
});

test('mentions are sorted, disjoint and slice the text exactly', () => {
  const text = 'date 2025-05-16 Levant Wire/ On Friday, Maj. Gen. Yosef Amrani told the Turkish and Syrian delegations in Baku that 1,200 troops would stay “until further notice”.\nMeanwhile, the U.S. Treasury Department said $40 million was frozen last week.';
  const es = entities(text);
  let last = -1;
  for (const e of es) {
    assert.equal(e.text, text.slice(e.start, e.end));
    assert.ok(e.start >= last, `overlap at ${e.text}`);
    last = e.end;
  }
});

test('Viterbi respects BIO: I- never follows O, and ranges read back', () => {
  const T = TAGS.length;
  // Emissions prefer I-PER everywhere; the constraint forces a B-PER first.
  const emit = new Float64Array(3 * T);
  for (let i = 0; i < 3; i++) emit[i * T + TAGS.indexOf('I-PER')] = 5;
  const out = new Int32Array(3);
  viterbi(emit, 3, new Float64Array((T + 1) * T), out);
  const labels = Array.from(out, (t) => TAGS[t]!);
  assert.notEqual(labels[0], 'I-PER');
  assert.deepEqual(labelsToRanges(['B-PER', 'I-PER', 'O', 'B-LOC']), [{ from: 0, to: 2, type: 'PER' }, { from: 3, to: 4, type: 'LOC' }]);
});

test('base64 round-trips the model bytes', () => {
  const bytes = Uint8Array.from({ length: 257 }, (_, i) => (i * 37) & 255);
  for (const n of [0, 1, 2, 3, 256, 257]) assert.deepEqual(Array.from(fromBase64(toBase64(bytes.subarray(0, n)))), Array.from(bytes.subarray(0, n)));
});

test('tagging is linear: a long line without sentence breaks is handled in windows', () => {
  const text = 'Rami Haddad met officials in Amman and '.repeat(3000);
  const started = Date.now();
  const es = entities(text);
  assert.ok(es.length > 1000);
  assert.ok(Date.now() - started < 5000, `took ${Date.now() - started} ms`);
});

test("the tagger's per-word sums give the emission scores of every feature counted one by one", () => {
  const model = parseModel(readModel());
  const text = 'WASHINGTON - Brig. Gen. Yosef Amrani, 54, told Reuters on Monday that al-Hamdan’s “talks” stalled. SOCCER - JAPAN GET LUCKY WIN . Oded';
  const tokens = tokenize(text);
  for (const s of splitSentences(text, tokens)) {
    const doc = documentStats(tokens, sentenceStartsOf(tokens, text));
    const fast = emissions(model, tokens, s.firstToken, s.endToken, doc);
    const slow: number[] = [];
    sentenceFeatures(tokens, s.firstToken, s.endToken, doc, (_i, f) => {
      const sums = new Array<number>(TAGS.length).fill(0);
      for (let k = 0; k < f.count; k++) {
        const o = model.slot(f.h1[k]!, f.h2[k]!);
        if (o >= 0) for (let t = 0; t < TAGS.length; t++) sums[t] = sums[t]! + model.weights[o + t]!;
      }
      slow.push(...sums.map((x) => x * model.scale));
    });
    assert.deepEqual([...fast], slow, s.text);
  }
});

test('the history features training adds are the ones tagging reads from the document', () => {
  // Training adds a word's history features on their own (its history depends on its own guesses); tagging reads
  // them in the token's shape group. A difference would train weights the tagger never looks up.
  const text = 'Rami Haddad spoke. Haddad left Amman.';
  const tokens = tokenize(text);
  const doc = { ...documentStats(tokens, sentenceStartsOf(tokens, text)), history: new Map<string, Int32Array>() };
  recordHistory(doc.history, tokens, 0, [1, 2, 0, 0]); // Rami B-PER, Haddad I-PER
  const haddad = tokens.findIndex((t, i) => i > 3 && t.text === 'Haddad');
  const s = splitSentences(text, tokens).find((x) => x.firstToken <= haddad && haddad < x.endToken)!;
  const read = new Set<string>();
  sentenceFeatures(tokens, s.firstToken, s.endToken, doc, (i, f) => {
    if (s.firstToken + i === haddad) for (let k = 0; k < f.count; k++) read.add(`${f.h1[k]}:${f.h2[k]}`);
  });
  const own = new FeatureBuffer();
  addHistoryFeatures(own, 'PER', wordShape('Haddad'));
  assert.equal(own.count, 2);
  for (let k = 0; k < own.count; k++) assert.ok(read.has(`${own.h1[k]}:${own.h2[k]}`), `history feature ${k} not read when tagging`);
});
