import { test } from 'node:test';
import assert from 'node:assert/strict';
import { onTokenBounds, tokenAfter, tokenStartingAt, tokenize } from '../../src/core/text/tokenize';
import { splitSentences } from '../../src/core/text/sentences';
import { readDateline } from '../../src/core/text/dateline';

const words = (text: string): string[] => tokenize(text).map((t) => t.text);

test('tokens keep news abbreviations, initialisms, possessives and handles whole', () => {
  const table: [string, string[]][] = [
    ['Maj. Gen. Oded Basiuk', ['Maj.', 'Gen.', 'Oded', 'Basiuk']],
    ['the U.S. Treasury', ['the', 'U.S.', 'Treasury']],
    ['Syria’s economy', ['Syria', '’s', 'economy']],
    ["Israel's army", ['Israel', "'s", 'army']],
    ['(@USTreasury) May 15, 2025', ['(', '@USTreasury', ')', 'May', '15', ',', '2025']],
    ['Ahmad al-Sharaa', ['Ahmad', 'al-Sharaa']],
    ['$1,250.50 and 3.5%', ['$', '1,250.50', 'and', '3.5%']],
    ['see https://example.org/a?b=1.', ['see', 'https://example.org/a?b=1', '.']],
    ['It didn’t happen', ['It', 'did', 'n’t', 'happen']],
    ['J. Smith', ['J.', 'Smith']],
    ["''This isn't reform,'' he said.", ["''", 'This', 'is', "n't", 'reform', ',', "''", 'he', 'said', '.']],
  ];
  for (const [input, expected] of table) assert.deepEqual(words(input), expected, input);
});

test('false positives: ordinary periods end words, they are not abbreviations', () => {
  const table: [string, string[]][] = [
    ['He said no.', ['He', 'said', 'no', '.']],
    ['the general.', ['the', 'general', '.']],
    ['in Syria.', ['in', 'Syria', '.']],
  ];
  for (const [input, expected] of table) assert.deepEqual(words(input), expected, input);
});

test('every token’s text is the slice of its offsets, including astral characters', () => {
  const text = 'Émigré 𝒜lpha “quote” — 1,000 🙂 naïve\u0000x';
  for (const t of tokenize(text)) assert.equal(t.text, text.slice(t.start, t.end));
});

test('sentences do not break after titles and do break after ordinary periods and line breaks', () => {
  const text = 'Attended by Maj. Gen. Oded Basiuk and others. According to the U.S. President, talks went on.\nHeadline without period\nNext line.';
  const s = splitSentences(text, tokenize(text)).map((x) => x.text);
  assert.deepEqual(s, [
    'Attended by Maj. Gen. Oded Basiuk and others.',
    'According to the U.S. President, talks went on.',
    'Headline without period',
    'Next line.',
  ]);
});

test('a closing quotation mark stays with its sentence; an opening straight quote starts the next', () => {
  const table: [string, string[]][] = [
    ['He said “we will not.” Then he left.', ['He said “we will not.”', 'Then he left.']],
    ['He said "we will not." Then he left.', ['He said "we will not."', 'Then he left.']],
    ['An inquiry was opened. "We will find out," she said.', ['An inquiry was opened.', '"We will find out," she said.']],
    ["He said ''we will not.'' Then he left.", ["He said ''we will not.''", 'Then he left.']],
    ['Sen. Claire McCaskill (D-Mo.) said the plan was dead. (See the chart.) Then he left.', ['Sen. Claire McCaskill (D-Mo.) said the plan was dead.', '(See the chart.)', 'Then he left.']],
    ["An inquiry was opened. ''We will find out,'' she said.", ['An inquiry was opened.', "''We will find out,'' she said."]],
  ];
  for (const [text, expected] of table) assert.deepEqual(splitSentences(text, tokenize(text)).map((x) => x.text), expected, text);
});

test('datelines give outlet and date', () => {
  const table: [string, { outlet: string | null; published: string | null }][] = [
    ['date 2025-05-16 Shafaq News/ Israel and Syria', { outlet: 'Shafaq News', published: '2025-05-16' }],
    ['BEIRUT, May 16, 2025 (Reuters) - Israel', { outlet: 'Reuters', published: '2025-05-16' }],
    ['CNN\n–\nIsrael and the new Syrian regime', { outlet: 'CNN', published: null }],
    ['**CAIRO**, June 3, 2024 (Gulf Monitor) — Talks resumed', { outlet: 'Gulf Monitor', published: '2024-06-03' }],
    ['Just a headline\nAnd text.', { outlet: null, published: null }],
  ];
  for (const [input, expected] of table) {
    const d = readDateline(input);
    assert.deepEqual({ outlet: d.outlet, published: d.published }, expected, input);
  }
});

test('a period glued to lowercase text (domains, addresses, command ids) does not end the sentence; a glued capital does', () => {
  const table: [string, string[]][] = [
    ['Amazon.com said sales rose. Shares fell.', ['Amazon.com said sales rose.', 'Shares fell.']],
    ['Write to desk@example.org for details. Thanks.', ['Write to desk@example.org for details.', 'Thanks.']],
    ['It links to command:workbench.action.quit and more. Next.', ['It links to command:workbench.action.quit and more.', 'Next.']],
    ['Prices rose last year.The bank disagreed.', ['Prices rose last year.', 'The bank disagreed.']],
  ];
  for (const [text, expected] of table) assert.deepEqual(splitSentences(text, tokenize(text)).map((x) => x.text), expected, text);
});

test('the fast path for plain ASCII words and punctuation tokenises exactly as the full pattern does', () => {
  const pieces = ['a', 'B', 'z', 'Z', '0', '9', '.', '..', '-', '--', "'", '’', 's', 'S', '&', '@', '#', 'http://x.y/a,', 'www.', 'h', 'w',
    ' ', '\n', '\t', '\u00a0', 'é', '\u0301', '“', '”', '$', '%', ',', ';', ':', '(', ')', 'U.S.', 'Gen.', 'n', 't', '😀', '\u2028', '_', '|', '~', 'st', 'km'];
  let seed = 7;
  const next = (k: number): number => { seed = (Math.imul(seed, 1103515245) + 12345) >>> 0; return (seed >>> 8) % k; };
  for (let k = 0; k < 5000; k++) {
    let text = '';
    for (let q = next(30); q > 0; q--) text += pieces[next(pieces.length)];
    assert.deepEqual(tokenize(text), tokenize(text, false), JSON.stringify(text));
  }
  const news = 'WASHINGTON (Reuters) - Maj. Gen. Oded Basiuk’s office didn\'t say; see www.idf.il or https://x.org/a?b=1. It cost $1,250.50 -- 3.5% more... "No," he said.';
  assert.deepEqual(tokenize(news), tokenize(news, false));
});

test('token look-ups by offset: the token holding an offset, one starting there, spans on token bounds', () => {
  const text = 'He said: "Oded Basiuk left."';
  const tokens = tokenize(text);
  const said = text.indexOf('said');
  assert.equal(tokens[tokenAfter(tokens, said + 2)]!.text, 'said');
  assert.equal(tokens[tokenAfter(tokens, 2)]!.text, 'said', 'a space belongs to the next token');
  assert.equal(tokenAfter(tokens, text.length), tokens.length);
  assert.equal(tokens[tokenStartingAt(tokens, said)]!.text, 'said');
  assert.equal(tokenStartingAt(tokens, said + 1), -1);
  const name = text.indexOf('Oded');
  assert.ok(onTokenBounds(tokens, name, name + 'Oded Basiuk'.length));
  assert.ok(!onTokenBounds(tokens, name, name + 3));
  assert.ok(!onTokenBounds(tokens, name + 1, name + 4));
  assert.ok(!onTokenBounds([], 0, 0));
});
