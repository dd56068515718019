import { test } from 'node:test';
import assert from 'node:assert/strict';
import { resolveDate, weekdayOf } from '../../src/core/claims/dates';
import { normaliseNumber } from '../../src/core/crossref/similarity';
import { fixture } from './crossref.fixtures.test';
import { createCrosscheck } from '../../src/core/index';
import { readModel } from './sharedData';

test('relative dates resolve against the dateline (2024-03-08 is a Friday)', () => {
  const table: [string, string | null][] = [
    ['earlier today', '2024-03-08'], ['today', '2024-03-08'], ['yesterday', '2024-03-07'], ['Thursday', '2024-03-07'],
    ['on Friday', '2024-03-08'], ['last Friday', '2024-03-01'], ['next Monday', '2024-03-11'], ['last week', '2024-W09'],
    ['this week', '2024-W10'], ['March 3', '2024-03-03'], ['3 March 2023', '2023-03-03'], ['May 15, 2025', '2025-05-15'],
    ['December', '2023-12'], ['1967', '1967'], ['2024-02-29', '2024-02-29'],
  ];
  for (const [text, want] of table) assert.equal(resolveDate(text, '2024-03-08'), want, text);
  assert.equal(weekdayOf('2024-03-08'), 'friday');
});

test('false positives: what is not a date, or cannot be resolved, stays so', () => {
  const table: [string, string | null, string | null][] = [
    ['mar', '2024-03-08', null], ['sixty', '2024-03-08', null], ['constructor 3', '2024-03-08', null], ['toString', '2024-03-08', null], ['2024-02-30', '2024-03-08', null],
    ['Thursday', null, 'thursday'], ['last week', null, 'last week'], ['today', null, 'today'],
  ];
  for (const [text, published, want] of table) assert.equal(resolveDate(text, published), want, text);
});

test('numbers are normalised; pronoun-like "one" and words are not numbers', () => {
  const table: [string, string | null][] = [['six', '6'], ['Twelve', '12'], ['1,000', '1000'], ['2.9', '2.9'], ['40th', '40'], ['15%', '15'], ['one', null], ['sixth', null], ['talks', null], ['constructor', null], ['toString', null], ['__proto__', null]];
  for (const [w, want] of table) assert.equal(normaliseNumber(w), want, w);
});

test('claims: clauses, attributions, numbers, dates and negation', () => {
  const text = 'date 2024-03-08 Harbour Post\n' +
    'The navy confirmed the patrol but denied any clash with Maltese boats.\n' +
    'While port officials have not commented on the patrol, the mayor said on Thursday that six ships had left, warning against delays.\n' +
    'By Jane Roe\n' +
    '–\n' +
    'Rescuers did not find the missing crew.';
  const d = fixture('a.txt', text, [['Maltese', 'NORP'], ['Thursday', 'DATE']], [
    { cue: 'confirmed', source: 'The navy', content: 'the patrol', stance: 'confirm', kind: 'named-organization' },
    { cue: 'denied', source: 'The navy', content: 'any clash with Maltese boats', stance: 'deny', kind: 'named-organization' },
    { cue: 'have not commented', source: 'port officials', stance: 'no-comment' },
    { cue: 'said', source: 'the mayor', content: 'that six ships had left' },
  ], '2024-03-08');
  const claims = d.analysis.claims;
  const texts = claims.map((c) => c.text);
  assert.deepEqual(texts, [
    'The navy confirmed the patrol',
    'but denied any clash with Maltese boats.',
    'While port officials have not commented on the patrol',
    'the mayor said on Thursday that six ships had left',
    'warning against delays.',
    'Rescuers did not find the missing crew.',
  ]);
  const by = (s: string) => claims.find((c) => c.text.startsWith(s))!;
  assert.equal(by('The navy').attribution, 0);
  assert.equal(by('The navy').negated, false);
  assert.equal(by('but denied').attribution, 1);
  assert.equal(by('but denied').negated, true);
  assert.deepEqual(by('but denied').entities, [0]);
  assert.equal(by('While port').negated, false, 'withholding comment is not a denial');
  assert.deepEqual(by('the mayor').numbers, ['6']);
  assert.deepEqual(by('the mayor').dates, ['2024-03-07']);
  assert.equal(by('Rescuers').negated, true);
  assert.deepEqual(new Set(claims.map((c) => c.id)).size, claims.length, 'ids are unique');
});

test('false positives: no claim for datelines, bylines, dashes; no split inside an attribution', () => {
  const text = 'date 2024-03-08 Harbour Post\nBy Jane Roe\n–\nThe ferry sank near the coast, a senior coast guard source told reporters.';
  const d = fixture('a.txt', text, [], [{ cue: 'told', source: 'a senior coast guard source', content: 'The ferry sank near the coast' }], '2024-03-08');
  assert.deepEqual(d.analysis.claims.map((c) => c.text), ['The ferry sank near the coast, a senior coast guard source told reporters.']);
  assert.equal(d.analysis.claims[0]!.attribution, 0);
  const q = fixture('b.txt', 'He said the talks, which began in May, were useful.', []);
  assert.equal(q.analysis.claims.length, 1, 'a relative clause is not a second claim');
  const list = fixture('c.txt', 'The fund will support farming, banking, and housing in the region.', []);
  assert.equal(list.analysis.claims.length, 1, 'a list is not a clause boundary');
  const content = fixture('d.txt', 'The board announced that it would sell the mill by June.', []);
  assert.equal(content.analysis.claims.length, 1, '"announced that it would" is one claim');
});

test('relative clauses that assert something of their own become claims', () => {
  const table: [string, string[]][] = [
    ['The agency is drafting new permits that would allow night flights over the bay.', ['The agency is drafting new permits', 'that would allow night flights over the bay.']],
    ['The army holds the ridge, which was captured from rebels in 2019 and later fortified.', ['The army holds the ridge', 'which was captured from rebels in 2019 and later fortified.']],
  ];
  for (const [text, want] of table) assert.deepEqual(fixture('r.txt', text, []).analysis.claims.map((c) => c.text), want, text);
});

test('an apposition describing a source after its cue stays with the claim; one describing anyone else is its own', () => {
  const table: [string, string[]][] = [
    ['The ship struck a sandbank before dawn, according to Ilse Marchetti, a spokeswoman for the coast guard.', ['The ship struck a sandbank before dawn, according to Ilse Marchetti, a spokeswoman for the coast guard.']],
    ['"These are strange days," said Peter Morgan, a lawyer for the harbour workers union.', ['"These are strange days," said Peter Morgan, a lawyer for the harbour workers union.']],
    ['The minister met Rami Haddad, a former militia commander from the hills near the northern border.', ['The minister met Rami Haddad', 'a former militia commander from the hills near the northern border.']],
  ];
  const engine = createCrosscheck({ readNerModel: readModel });
  for (const [text, want] of table) assert.deepEqual(engine.analyze(text).claims.map((c) => c.text), want, text);
});
