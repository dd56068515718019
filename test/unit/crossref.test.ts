import { test } from 'node:test';
import assert from 'node:assert/strict';
import { crossReference } from '../../src/core/crossref/crossReference';
import { countryKey, countryOf, givenNamesMatch, orgKey, acronymOf, personName, surnamesMatch, translitKey } from '../../src/core/crossref/names';
import type { AliasFile, AnalyzedDocument } from '../../src/core/types';
import { fixture } from './crossref.fixtures.test';
import { jaroWinkler } from '../../src/core/nlp/natural';
import { needsShared, readShared } from './sharedData';

const NO_ALIASES: AliasFile = { same: [], different: [] };
const idOf = (ws: ReturnType<typeof crossReference>, doc: AnalyzedDocument, text: string, nth = 0): string | undefined => {
  const hits = doc.analysis.entities.map((e, i) => ({ e, i })).filter((x) => x.e.text === text);
  const hit = hits[nth];
  return hit ? ws.entityOf.get(`${doc.id}#${hit.i}`) : undefined;
};

test('surnames: transliteration variants match, look-alikes do not', () => {
  const same: [string, string][] = [['sharaa', 'sharah'], ['sharaa', 'shala'], ['shara', 'sharaa'], ['basiuk', 'bashk'], ['qaddafi', 'qadhafi'], ['mohammed', 'mohamed']];
  const apart: [string, string][] = [['bashk', 'assad'], ['shala', 'assad'], ['bashk', 'bashar'], ['sharaa', 'shamir'], ['jones', 'johnson'], ['smith', 'schmidt']];
  for (const [a, b] of same) assert.ok(surnamesMatch(a, b, false), `${a} ~ ${b}`);
  for (const [a, b] of apart) assert.ok(!surnamesMatch(a, b, false), `${a} !~ ${b}`);
});

test('given names: nicknames, initials and spellings match; different names do not', () => {
  const same: [string, string][] = [['robert', 'bob'], ['william', 'bill'], ['j', 'john'], ['ahmad', 'ahmed'], ['muhammad', 'mohammed']];
  const apart: [string, string][] = [['oded', 'bashar'], ['john', 'mary'], ['ahmad', 'bashar'], ['robert', 'richard']];
  for (const [a, b] of same) assert.ok(givenNamesMatch(a, b), `${a} ~ ${b}`);
  for (const [a, b] of apart) assert.ok(!givenNamesMatch(a, b), `${a} !~ ${b}`);
});

test('name normalisation: titles, particles, suffixes, countries, acronyms', () => {
  assert.deepEqual(personName('Maj. Gen. Lior Katzav'), { given: ['lior'], surname: 'katzav' });
  assert.deepEqual(personName('Al-Hamadi'), { given: [], surname: 'hamadi' });
  assert.equal(translitKey('Hamadi'), translitKey('Hammadi'));
  assert.equal(orgKey('the Acme Corp.'), 'acme');
  assert.equal(orgKey('U.S. Coast Guard'), 'united states coast guard');
  assert.equal(acronymOf(orgKey('Northern Rail Company')), 'nr');
  assert.equal(countryKey('the U.S.'), 'united states');
  assert.equal(countryKey('Türkiye'), 'turkey');
  assert.equal(countryKey('Israeli'), null, 'a demonym is not the country');
  assert.equal(countryOf('Lebanese officials'), 'lebanon');
  assert.equal(countryOf('Beirut'), 'lebanon');
});

test('entity resolution: variants merge across articles, look-alikes stay apart', () => {
  const a = fixture('a.txt', 'Brig. Gen. Yossi Hadari met Karim al-Mansouri in Oslo. Hadari later flew to Turkiye. The US backed the talks. Hafez al-Nouri was not there.',
    [['Yossi Hadari', 'PERSON'], ['Karim al-Mansouri', 'PERSON'], ['Oslo', 'GPE'], ['Hadari', 'PERSON'], ['Turkiye', 'GPE'], ['US', 'GPE'], ['Hafez al-Nouri', 'PERSON']]);
  const b = fixture('b.txt', 'General Yossi Hadary held talks with Karim al-Mansoury. Mansoury and Hadary spoke in Turkey. The United States welcomed it. Nouri was absent. Haddad was there. Israeli troops moved and Israel agreed.',
    [['Yossi Hadary', 'PERSON'], ['Karim al-Mansoury', 'PERSON'], ['Mansoury', 'PERSON'], ['Hadary', 'PERSON'], ['Turkey', 'GPE'], ['United States', 'GPE'], ['Nouri', 'PERSON'], ['Haddad', 'PERSON'], ['Israeli', 'NORP'], ['Israel', 'GPE']]);
  const ws = crossReference([a, b], NO_ALIASES);
  const positives: [AnalyzedDocument, string, AnalyzedDocument, string][] = [
    [a, 'Yossi Hadari', b, 'Yossi Hadary'], [a, 'Hadari', a, 'Yossi Hadari'], [b, 'Hadary', a, 'Yossi Hadari'],
    [a, 'Karim al-Mansouri', b, 'Karim al-Mansoury'], [b, 'Mansoury', a, 'Karim al-Mansouri'],
    [a, 'Turkiye', b, 'Turkey'], [a, 'US', b, 'United States'], [b, 'Nouri', a, 'Hafez al-Nouri'],
  ];
  const mustNotMerge: [AnalyzedDocument, string, AnalyzedDocument, string][] = [
    [a, 'Yossi Hadari', b, 'Haddad'], [b, 'Hadary', b, 'Haddad'], [a, 'Karim al-Mansouri', a, 'Hafez al-Nouri'], [b, 'Israeli', b, 'Israel'], [a, 'Oslo', a, 'Turkiye'],
  ];
  for (const [d1, t1, d2, t2] of positives) {
    const x = idOf(ws, d1, t1), y = idOf(ws, d2, t2);
    assert.ok(x && x === y, `${t1} ~ ${t2}`);
  }
  for (const [d1, t1, d2, t2] of mustNotMerge) assert.notEqual(idOf(ws, d1, t1), idOf(ws, d2, t2), `${t1} !~ ${t2}`);
  const hadari = ws.entities.find((e) => e.id === idOf(ws, a, 'Yossi Hadari'))!;
  assert.deepEqual([...hadari.variants].sort(), ['Hadari', 'Hadary', 'Yossi Hadari', 'Yossi Hadary']);
});

test('entity resolution: acronyms and short forms of organisations', () => {
  const a = fixture('a.txt', 'Northwind Motors (NWM) cut jobs. Northwind said more cuts may follow.', [['Northwind Motors', 'ORG'], ['NWM', 'ORG'], ['Northwind', 'ORG']]);
  const b = fixture('b.txt', 'NWM confirmed the cuts on Monday.', [['NWM', 'ORG']]);
  const c = fixture('c.txt', 'The Treasury Department said it would act. The US Treasury agreed.', [['Treasury Department', 'ORG'], ['US Treasury', 'ORG']]);
  const ws = crossReference([a, b, c], NO_ALIASES);
  assert.equal(idOf(ws, a, 'NWM'), idOf(ws, a, 'Northwind Motors'));
  assert.equal(idOf(ws, a, 'Northwind'), idOf(ws, a, 'Northwind Motors'));
  assert.equal(idOf(ws, b, 'NWM'), idOf(ws, a, 'Northwind Motors'));
  assert.equal(idOf(ws, c, 'US Treasury'), idOf(ws, c, 'Treasury Department'));
});

test('user aliases override: "same" merges what rules keep apart, "different" splits what rules merge', () => {
  const a = fixture('a.txt', 'Abu Karim spoke. Dana Weiss listened.', [['Abu Karim', 'PERSON'], ['Dana Weiss', 'PERSON']]);
  const b = fixture('b.txt', 'Samir Haddad spoke. Dana Weiss agreed.', [['Samir Haddad', 'PERSON'], ['Dana Weiss', 'PERSON']]);
  const plain = crossReference([a, b], NO_ALIASES);
  assert.notEqual(idOf(plain, a, 'Abu Karim'), idOf(plain, b, 'Samir Haddad'));
  assert.equal(idOf(plain, a, 'Dana Weiss'), idOf(plain, b, 'Dana Weiss'));
  const ws = crossReference([a, b], { same: [['Abu Karim', 'Samir Haddad']], different: [['Dana Weiss', 'Dana  Weiss ']] });
  assert.equal(idOf(ws, a, 'Abu Karim'), idOf(ws, b, 'Samir Haddad'));
  const apart = crossReference([a, b], { same: [], different: [['Dana Weiss', 'dana weiss']] });
  assert.notEqual(idOf(apart, a, 'Dana Weiss'), idOf(apart, b, 'Dana Weiss'));
});

test('claim alignment: agreement, typed differences and contradiction', () => {
  const a = fixture('a.txt',
    'Lebanon and Cyprus held direct talks in Vienna, a senior Cypriot source told the paper on Friday.\n' +
    'The Cypriot army confirmed the visit but denied direct talks with Lebanese officials.\n' +
    'Four fishing boats were seized by the coast guard near Larnaca, officials said.\n' +
    'The finance ministry announced earlier today that it would release new funds for the port of Limassol.',
    [['Lebanon', 'GPE'], ['Cyprus', 'GPE'], ['Vienna', 'GPE'], ['Cypriot', 'NORP'], ['Friday', 'DATE'], ['Cypriot', 'NORP'], ['Lebanese', 'NORP'], ['Larnaca', 'GPE'], ['Limassol', 'GPE']],
    [{ cue: 'told', source: 'a senior Cypriot source', content: 'Lebanon and Cyprus held direct talks in Vienna' },
      { cue: 'confirmed', source: 'The Cypriot army', content: 'the visit', stance: 'confirm', kind: 'named-organization' },
      { cue: 'denied', source: 'The Cypriot army', content: 'direct talks with Lebanese officials', stance: 'deny', kind: 'named-organization' },
      { cue: 'said', source: 'officials', content: 'Four fishing boats were seized by the coast guard near Larnaca' },
      { cue: 'announced', source: 'The finance ministry', content: 'it would release new funds for the port of Limassol', kind: 'named-organization' }],
    '2024-03-08');
  const b = fixture('b.txt',
    'Lebanon and Cyprus recently held a direct meeting in Vienna, according to Cypriot sources familiar with the matter.\n' +
    'Six fishing boats were seized by the coast guard near Larnaca on Thursday.\n' +
    'The finance ministry said Thursday that it would release new funds for the port of Limassol.\n' +
    'A separate storm flooded farms in the north of Norway last spring.',
    [['Lebanon', 'GPE'], ['Cyprus', 'GPE'], ['Vienna', 'GPE'], ['Cypriot', 'NORP'], ['Larnaca', 'GPE'], ['Thursday', 'DATE'], ['Thursday', 'DATE'], ['Limassol', 'GPE'], ['Norway', 'GPE']],
    [{ cue: 'according to', source: 'Cypriot sources familiar with the matter', content: 'Lebanon and Cyprus recently held a direct meeting in Vienna' },
      { cue: 'said', source: 'The finance ministry', content: 'that it would release new funds for the port of Limassol', kind: 'named-organization' }]);
  const ws = crossReference([a, b], NO_ALIASES);
  const claimAt = (d: AnalyzedDocument, s: string) => d.analysis.claims.find((c) => c.text.includes(s))!;
  const cluster = (d: AnalyzedDocument, s: string) => ws.clusters.find((k) => k.id === ws.clusterOf.get(`${d.id}#${claimAt(d, s).id}`));
  const talks = cluster(a, 'held direct talks');
  assert.ok(talks, 'the talks are one claim');
  assert.equal(cluster(b, 'held a direct meeting'), talks);
  assert.ok(talks.differences.some((d) => d.kind === 'sourcing' && /one source/.test(d.detail) && /several sources/.test(d.detail)), 'one source vs several');
  assert.equal(cluster(a, 'denied direct talks'), talks, 'the denial joins the claim it denies');
  assert.ok(talks.differences.some((d) => d.kind === 'contradiction'));
  assert.equal(talks.relation, 'contradiction');
  const boats = cluster(a, 'fishing boats');
  assert.ok(boats && boats === cluster(b, 'fishing boats'));
  assert.ok(boats.differences.some((d) => d.kind === 'number' && /4/.test(d.detail) && /6/.test(d.detail)), 'four vs six');
  const funds = cluster(a, 'new funds');
  assert.ok(funds && funds === cluster(b, 'new funds'));
  assert.ok(funds.differences.some((d) => d.kind === 'date'), 'earlier today (a Friday) vs Thursday');
  assert.equal(cluster(b, 'storm flooded'), undefined, 'an unrelated claim stays single-source');
  for (const k of ws.clusters) assert.ok(new Set(k.claims.map((c) => c.doc)).size >= 2, 'clusters span documents');
});

test('differences name the same person spelled two ways and a different title, with spans of the differing words', () => {
  const a = fixture('a.txt', 'The convoy was led by Col. Rami Haddad of the border police, officials said.', [['Rami Haddad', 'PERSON']], [{ cue: 'said', source: 'officials', content: 'The convoy was led by Col. Rami Haddad of the border police' }]);
  const b = fixture('b.txt', 'The convoy was led by General Rami Hadad of the border police, officials said.', [['Rami Hadad', 'PERSON']], [{ cue: 'said', source: 'officials', content: 'The convoy was led by General Rami Hadad of the border police' }]);
  const ws = crossReference([a, b], NO_ALIASES);
  assert.equal(ws.entityOf.get('a.txt#0'), ws.entityOf.get('b.txt#0'), 'one person');
  const k = ws.clusters[0];
  assert.ok(k, 'one claim');
  const name = k.differences.find((d) => d.kind === 'name');
  assert.ok(name && /Haddad/.test(name.detail) && /Hadad/.test(name.detail), 'spelled two ways');
  assert.deepEqual(name.spans?.map((s) => s.span.text), ['Rami Haddad', 'Rami Hadad']);
  const title = k.differences.find((d) => d.kind === 'title');
  assert.deepEqual(title?.spans?.map((s) => s.span.text), ['Col.', 'General']);
  assert.equal(k.relation, 'discrepancy');
});

test('look-alike events stay apart: two quakes with different places, dates and tolls', () => {
  const a = fixture('a.txt', 'A magnitude 6.1 earthquake struck near Izmir on Monday, killing 12 people, officials said.', [['6.1', 'NUMBER'], ['Izmir', 'GPE'], ['Monday', 'DATE', '2023-05-01'], ['12', 'NUMBER']], [], '2023-05-02');
  const b = fixture('b.txt', 'A magnitude 5.4 earthquake struck near Osaka on Friday, killing 3 people, officials said.', [['5.4', 'NUMBER'], ['Osaka', 'GPE'], ['Friday', 'DATE', '2023-05-05'], ['3', 'NUMBER']], [], '2023-05-06');
  const c = fixture('c.txt', 'A magnitude 6.1 earthquake struck near Izmir on Monday, killing 14 people, officials said.', [['6.1', 'NUMBER'], ['Izmir', 'GPE'], ['Monday', 'DATE', '2023-05-01'], ['14', 'NUMBER']], [], '2023-05-02');
  const ws = crossReference([a, b, c], NO_ALIASES);
  const of = (d: AnalyzedDocument, c = 'c0') => ws.clusterOf.get(`${d.id}#${c}`);
  for (const claim of b.analysis.claims) assert.equal(of(b, claim.id), undefined, `the Osaka quake is another event: ${claim.text}`);
  assert.ok(of(a) && of(a) === of(c), 'the two Izmir reports are one claim');
  const toll = a.analysis.claims.find((x) => x.numbers.includes('12'))!;
  const tollCluster = ws.clusters.find((k) => k.id === of(a, toll.id));
  assert.ok(tollCluster?.differences.some((d) => d.kind === 'number' && /12/.test(d.detail) && /14/.test(d.detail)), 'the tolls differ: 12 vs 14');
});

test('look-alike events stay apart: two arrests of different people in different cities', () => {
  const a = fixture('a.txt', 'Police arrested Tomas Reyes in Lyon on Monday on suspicion of fraud, prosecutors said.', [['Tomas Reyes', 'PERSON'], ['Lyon', 'GPE'], ['Monday', 'DATE', '2023-05-01']], [], '2023-05-02');
  const b = fixture('b.txt', 'Police arrested Ana Duarte in Porto on Thursday on suspicion of fraud, prosecutors said.', [['Ana Duarte', 'PERSON'], ['Porto', 'GPE'], ['Thursday', 'DATE', '2023-05-04']], [], '2023-05-05');
  const c = fixture('c.txt', 'Tomas Reyes was arrested in Lyon on Monday on suspicion of fraud.', [['Tomas Reyes', 'PERSON'], ['Lyon', 'GPE'], ['Monday', 'DATE', '2023-05-01']], [], '2023-05-02');
  const ws = crossReference([a, b, c], NO_ALIASES);
  for (const claim of b.analysis.claims) assert.equal(ws.clusterOf.get(`b.txt#${claim.id}`), undefined, claim.text);
  assert.ok(ws.clusterOf.get('a.txt#c0') && ws.clusterOf.get('a.txt#c0') === ws.clusterOf.get('c.txt#c0'), 'the same arrest, told twice');
});

test('cross-referencing 1,000 articles takes seconds, not minutes', () => {
  const places = ['Oslo', 'Lima', 'Quito', 'Accra', 'Hanoi', 'Dakar', 'Doha', 'Riga', 'Sofia', 'Tunis'];
  const docs: AnalyzedDocument[] = [];
  for (let i = 0; i < 1000; i++) {
    const p = places[i % places.length]!, q = places[(i * 7 + 3) % places.length]!;
    const text = `Officials in ${p} said ${i % 50} trucks crossed into ${q} on Tuesday. Farmers near ${p} protested over water prices for the ${i % 13}th day. ` +
      `Trader${i} Holdings reported profits of ${i} million dollars, its chief Anna Kowal${i % 40} said.`;
    docs.push(fixture(`d${i}.txt`, text, [[p, 'GPE'], [q, 'GPE'], [p, 'GPE'], [`Trader${i} Holdings`, 'ORG'], [`Anna Kowal${i % 40}`, 'PERSON']]));
  }
  const t0 = performance.now();
  const ws = crossReference(docs, NO_ALIASES);
  const seconds = (performance.now() - t0) / 1000;
  assert.ok(seconds < 10, `took ${seconds.toFixed(1)} s`);
  assert.ok(ws.entities.length > 0);
});

test('bad input degrades, never throws: empty articles, one article, unbalanced quotes, odd aliases', () => {
  const empty = fixture('e.txt', '', []);
  const one = fixture('o.txt', '“He said the talks would resume, the minister added without closing the quote.', []);
  const odd = fixture('x.txt', '---\n\n((( ))) “ ” ” “\n1 2 3 4 5 6 7 8 9', []);
  for (const docs of [[], [empty], [one], [empty, one, odd]]) {
    const ws = crossReference(docs, { same: [['', ' ']], different: [['a', 'a']] });
    assert.equal(ws.clusters.length, 0);
  }
});

test('OFAC transliteration variants: more of one person\'s spellings join than plain Jaro-Winkler, and look-alikes rarely merge', { skip: needsShared }, () => {
  const rows = readShared('eval', 'data', 'names', 'individual_name_variants.tsv').split('\n').slice(1).filter(Boolean).map((l) => l.split('\t'));
  const flip = (n: string): string => { const [sur, giv] = n.split(', '); return `${giv ?? ''} ${sur ?? ''}`.trim(); };
  const byPerson = new Map<string, Set<string>>();
  for (const [ent, , primary, , alias] of rows) for (const n of [primary, alias]) if (ent && n) (byPerson.get(ent) ?? byPerson.set(ent, new Set()).get(ent)!).add(flip(n.replace(/^(?:Dr\.|Sheikh) /, '')));
  const same = (a: string, b: string): boolean => {
    const pa = personName(a), pb = personName(b);
    return !!pa.given.length && !!pb.given.length && givenNamesMatch(pa.given[0]!, pb.given[0]!) && surnamesMatch(pa.surname, pb.surname, false);
  };
  let pos = 0, hit = 0, jwHit = 0;
  const names: { who: string; name: string }[] = [];
  for (const [who, set] of byPerson) {
    const list = [...set];
    list.forEach((name) => names.push({ who, name }));
    for (let i = 0; i < list.length; i++) for (let j = i + 1; j < list.length; j++) {
      pos++;
      if (same(list[i]!, list[j]!)) hit++;
      if (jaroWinkler(list[i]!, list[j]!) >= 0.9) jwHit++;
    }
  }
  let neg = 0, wrong = 0;
  const sample = names.filter((_, i) => i % 4 === 0);
  for (let i = 0; i < sample.length; i++) for (let j = i + 1; j < sample.length; j++) {
    const a = sample[i]!, b = sample[j]!;
    if (a.who === b.who || jaroWinkler(a.name, b.name) < 0.85) continue;
    neg++;
    if (same(a.name, b.name)) wrong++;
  }
  assert.ok(hit > jwHit, `variants joined ${hit}/${pos}, Jaro-Winkler ≥ 0.9 ${jwHit}`);
  assert.ok(wrong / neg < 0.02, `look-alike people merged ${wrong}/${neg}`);
});
