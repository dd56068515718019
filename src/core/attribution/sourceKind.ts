import type { EntityMention, SourceKind, Token } from '../types';
import type { TokenRange } from './parseSource';
import type { TokenView } from './view';

/* Regular expressions used per token live here: esbuild rewrites a \p{…} literal into `new RegExp(…)`, built each time it is evaluated. */
const CAPITALS_ONLY = /^\p{Lu}{2,}$/u;
const ABBREVIATION_MARKS = /[.&-]/g;
const CAPITAL_START = /^\p{Lu}/u;
const PARTICLE_NAME = /^(?:al|el|ad|as|ash|ibn|bin|abu|de|van|von|da|di|du|le|la)-\p{Lu}/u;

/** Head nouns of sources that withhold a name: "a senior source", "officials", "a person familiar with…". */
export const UNNAMED_HEADS: ReadonlySet<string> = new Set([
  'source', 'sources', 'official', 'officials', 'aide', 'aides', 'diplomat', 'diplomats', 'person', 'persons', 'people',
  'insider', 'insiders', 'analyst', 'analysts', 'expert', 'experts', 'witness', 'witnesses', 'resident', 'residents',
  'spokesman', 'spokeswoman', 'spokesperson', 'spokespeople', 'someone', 'somebody', 'one', 'observer', 'observers',
  'critic', 'critics', 'member', 'members', 'lawmaker', 'lawmakers', 'staffer', 'staffers', 'adviser', 'advisers',
  'advisor', 'advisors', 'individual', 'individuals', 'employee', 'employees', 'colleague', 'colleagues', 'friend',
  'friends', 'officer', 'officers', 'activist', 'activists', 'leader', 'leaders', 'commander', 'commanders',
  'investigator', 'investigators', 'negotiator', 'negotiators', 'representative', 'representatives', 'participant',
  'participants', 'supporter', 'supporters', 'voter', 'voters', 'others', 'many', 'some', 'anyone', 'no one',
  'military', 'security', 'intelligence', 'government', 'familiar', 'man', 'men', 'woman', 'women', 'child', 'children',
  ...plurals('master', 'manager', 'owner', 'captain', 'doctor', 'nurse', 'teacher', 'lawyer', 'attorney', 'prosecutor',
    'judge', 'soldier', 'driver', 'farmer', 'worker', 'neighbour', 'neighbor', 'survivor', 'victim', 'relative',
    'journalist', 'reporter', 'correspondent', 'editor', 'scientist', 'researcher', 'economist', 'professor', 'student',
    'coordinator', 'engineer', 'pilot', 'rescuer', 'medic', 'paramedic', 'physician', 'surgeon', 'chairman',
    'director', 'minister', 'secretary', 'ambassador', 'envoy', 'mediator', 'monitor', 'inspector', 'auditor',
    'consultant', 'strategist', 'pollster', 'operative', 'organizer', 'organiser', 'protester', 'demonstrator',
    'eyewitness', 'bystander', 'parent', 'mother', 'father', 'son', 'daughter', 'brother', 'sister', 'fisherman',
    'fishermen', 'villager', 'local', 'tenant', 'landlord', 'executive', 'founder', 'president', 'chief', 'head',
    'general', 'colonel', 'major', 'sergeant', 'lieutenant', 'mayor', 'governor', 'senator', 'legislator', 'deputy',
    'militant', 'fighter', 'rebel', 'commentator', 'historian', 'academic', 'specialist', 'official', 'councillor',
    'councilor', 'spokesman', 'clerk', 'user', 'customer', 'shopkeeper', 'trader', 'dealer', 'broker', 'banker',
    'investor', 'shareholder', 'patient', 'resident', 'refugee', 'migrant', 'pastor', 'priest', 'cleric'),
]);

function plurals(...nouns: string[]): string[] {
  return nouns.flatMap((n) => [n, n.endsWith('man') ? n.slice(0, -3) + 'men' : /(s|sh|ch|x)$/.test(n) ? n + 'es' : n + 's']);
}

/** Head nouns of institutions: "the Israeli army", "the ministry", "the White House". */
export const INSTITUTION_HEADS: ReadonlySet<string> = new Set([
  'army', 'military', 'government', 'ministry', 'police', 'department', 'agency', 'court', 'embassy', 'office',
  'committee', 'council', 'administration', 'campaign', 'party', 'regime', 'cabinet', 'parliament', 'commission',
  'observatory', 'house', 'treasury', 'pentagon', 'kremlin', 'forces', 'navy', 'company', 'firm', 'bank', 'fund',
  'union', 'organization', 'organisation', 'group', 'coalition', 'alliance', 'authority', 'authorities', 'board',
  'bureau', 'service', 'services', 'senate', 'congress', 'assembly', 'foundation', 'institute', 'university',
  'network', 'channel', 'newspaper', 'agency', 'presidency', 'palace', 'state', 'states', 'nations', 'center',
  'centre', 'association', 'federation', 'corporation', 'post', 'times', 'news', 'journal', 'tribune', 'herald',
  'guardian', 'telegraph', 'press', 'radio', 'television', 'tv', 'broadcaster', 'outlet', 'daily', 'magazine',
  'ministries', 'inc', 'inc.', 'corp', 'corp.', 'ltd', 'co', 'co.', 'diplomacy', 'mission', 'command', 'guard', 'corps',
]);

/** Seats of government that news uses for the government itself: "Damascus said", "Washington warned". */
export const GOVERNMENT_SEATS: ReadonlySet<string> = new Set([
  'damascus', 'washington', 'moscow', 'beijing', 'tehran', 'kyiv', 'kiev', 'ankara', 'london', 'paris', 'berlin',
  'jerusalem', 'cairo', 'riyadh', 'baghdad', 'seoul', 'tokyo', 'pyongyang', 'brussels', 'beirut', 'amman', 'doha',
  'abu dhabi', 'new delhi', 'islamabad', 'kabul', 'taipei', 'ottawa', 'canberra', 'rome', 'madrid', 'warsaw', 'minsk',
  'caracas', 'havana', 'tripoli', 'khartoum', 'sanaa', "sana'a", 'baku', 'yerevan', 'tbilisi', 'nicosia', 'athens',
  'westminster', 'whitehall', 'downing street', 'the kremlin', 'the pentagon', 'the white house',
]);

const GROUP_QUANTIFIERS = new Set(['many', 'some', 'several', 'few', 'most', 'other', 'two', 'three', 'four', 'five', 'dozens', 'hundreds', 'fellow', 'top', 'senior', 'leading', 'prominent', 'moderate', 'conservative', 'liberal']);

/** "Charles Rangel of New York": "of" after a person's name starts a post-modifier; "Secretary of State" keeps it. */
function namedBeforeOf(tokens: readonly Token[], view: TokenView, of: number): boolean {
  const before = of - 1;
  if (before < 0 || !isNameLike(tokens[before]!.text)) return false;
  const w = view.lower[before]!;
  return !PERSON_TITLES.has(w) && !INSTITUTION_HEADS.has(w) && !OF_HEADS.has(w);
}
const OF_HEADS = new Set(['university', 'bank', 'chamber', 'house', 'court', 'college', 'school', 'institute', 'museum', 'state', 'states', 'republic', 'kingdom', 'church', 'league', 'board', 'federation', 'union', 'chief', 'head', 'minister', 'secretary', 'director', 'governor', 'speaker', 'president', 'mayor', 'member', 'leader', 'attorney', 'general']);
const PP_HEAD_PREPS = new Set(['in', 'at', 'from', 'on', 'inside', 'near']);
const PERSON_TITLES = new Set([
  'president', 'minister', 'secretary', 'senator', 'sen.', 'rep.', 'gov.', 'governor', 'mayor', 'general', 'gen.',
  'maj.', 'col.', 'lt.', 'capt.', 'dr.', 'mr.', 'mrs.', 'ms.', 'prof.', 'chief', 'director', 'ambassador', 'king',
  'queen', 'prince', 'sheikh', 'judge', 'justice', 'chairman', 'chairwoman', 'ceo', 'spokesman', 'spokeswoman',
  'commander', 'envoy', 'leader', 'speaker', 'premier', 'chancellor', 'pope', 'rabbi', 'imam', 'candidate', 'nominee',
]);

const PERSON_PRONOUNS = new Set(['he', 'she', 'i']);

/** What a source refers to, for pronoun resolution and the Sources view: "Rubio" -> named person, entity 8. */
export interface SourceFacts {
  readonly kind: SourceKind;
  /** Index of the entity the source names, when the tagger found one in it. */
  readonly entity: number | null;
}

/** Days and months (not "May", a name as often), which end a source phrase without heading it: "a poll released Monday". */
const DAYS_AND_MONTHS = /^(monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|june|july|august|september|october|november|december)$/;

/**
 * Classifies a source phrase: "a senior Israeli source" unnamed, "The Israeli army" named organisation,
 * "Secretary of State Marco Rubio" named person, "SOHR" and "Damascus" (as a government) named organisations.
 */
export function classifySource(tokens: readonly Token[], view: TokenView, r: TokenRange, entities: readonly EntityMention[], entityAt: (tok: number) => number): SourceFacts {
  // Head: the last word before a post-modifier ("sources familiar with …", "a spokesman for the ministry").
  let headEnd = r.end;
  for (let k = r.first + 1; k < r.end; k++) {
    const w = view.lower[k]!;
    if ((PP_HEAD_PREPS.has(w) && UNNAMED_HEADS.has(view.lower[k - 1]!)) || w === 'familiar' || w === 'close' || w === 'with' || w === 'who' || w === 'knowledgeable' || w === 'briefed' || ((w === 'for' || w === 'of') && (!/^\p{Lu}/u.test(tokens[k + 1]?.text ?? '') || namedBeforeOf(tokens, view, k)))) { headEnd = k; break; }
  }
  let head = headEnd - 1;
  // "A poll released Monday": a trailing day or date is no head.
  while (head > r.first && (tokens[head]!.kind === 'punct' || DAYS_AND_MONTHS.test(view.lower[head]!))) head--;
  const headLower = view.lower[head]!;
  const headTok = tokens[head]!;
  const phrase = view.lower.slice(r.first, r.end).join(' ');
  // Entities inside the phrase, the last one first (the head end of the phrase).
  let entity: number | null = null;
  for (let k = r.end - 1; k >= r.first; k--) {
    const e = entityAt(k);
    if (e >= 0) { entity = e; break; }
  }
  const e = entity !== null ? entities[entity] : undefined;
  const headIsEntity = entity !== null && e !== undefined && e.end >= headTok.end && e.start <= headTok.start;
  // "The Israeli army" names the army, not Israel: only an entity at the head is the source's entity.
  if (!headIsEntity) entity = null;
  if (r.end - r.first === 1 && SOURCE_PRONOUN_WORDS.has(headLower)) return { kind: 'other', entity: null };
  if (headIsEntity && e) {
    if (e.type === 'PERSON') return { kind: 'named-person', entity };
    if (e.type === 'ORG' || e.type === 'GPE' || e.type === 'LOC' || e.type === 'FAC') return { kind: 'named-organization', entity };
  }
  const numberedName = headTok.kind === 'number' && head > r.first && isNameLike(tokens[head - 1]!.text);
  if (!numberedName && (!isNameLike(headTok.text) || (head === r.first && UNNAMED_HEADS.has(headLower)))) {
    if (UNNAMED_HEADS.has(headLower)) return { kind: 'unnamed', entity: null };
    if (INSTITUTION_HEADS.has(headLower)) {
      // "the army", "the Israeli army": a definite institution is named; "an agency" is not.
      const det = view.lower[r.first]!;
      return { kind: det === 'a' || det === 'an' || det === 'some' ? 'unnamed' : 'named-organization', entity };
    }
    return { kind: 'other', entity };
  }
  // A capitalised head: an organisation when it looks like one, a person otherwise.
  if (GOVERNMENT_SEATS.has(phrase.replace(/^the /, 'the ')) || GOVERNMENT_SEATS.has(headLower)) return { kind: 'named-organization', entity };
  let capsFirst = head;
  while (capsFirst > r.first && (isNameLike(tokens[capsFirst - 1]!.text) || tokens[capsFirst - 1]!.kind === 'number')) capsFirst--;
  if (INSTITUTION_HEADS.has(headLower) || numberedName) return { kind: 'named-organization', entity };
  for (let k = capsFirst; k <= head; k++) {
    const w = view.lower[k]!, t = tokens[k]!;
    if (CAPITALS_ONLY.test(t.text.replace(ABBREVIATION_MARKS, '')) && t.text.length <= 8 && !PERSON_TITLES.has(w)) return { kind: 'named-organization', entity };
  }
  if (e && e.type === 'NORP') return { kind: 'unnamed', entity };
  // "many Democrats", "some Republicans": a group, not a name.
  if (/s$/.test(headLower) && head > r.first && GROUP_QUANTIFIERS.has(view.lower[head - 1]!)) return { kind: 'unnamed', entity };
  return { kind: 'named-person', entity };
}

/** "Rubio", "al-Sharaa", "bin Salman": a word that can be part of a name. */
export const isNameLike = (word: string): boolean => CAPITAL_START.test(word) || PARTICLE_NAME.test(word);

const SOURCE_PRONOUN_WORDS = new Set(['he', 'she', 'they', 'it', 'we', 'i', 'you']);

/** True when a pronoun can stand for a source of this kind: "he" for a person, "it" for an organisation. */
export function pronounFits(pronoun: string, kind: SourceKind): boolean {
  if (PERSON_PRONOUNS.has(pronoun)) return kind === 'named-person';
  if (pronoun === 'it') return kind === 'named-organization';
  if (pronoun === 'they' || pronoun === 'we') return kind === 'named-organization' || kind === 'unnamed';
  return false;
}
