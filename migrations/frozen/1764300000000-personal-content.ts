/*
 * FROZEN for migration 1764300000000-trusted-history: the hashing and the split of personal
 * content exactly as they were when that migration was written (commit 54543d8). A migration
 * must do the same thing forever, so it never imports live code from libs/; do not edit this
 * file to follow changes there (docs/decisions.md, "Migrations import nothing from libs/").
 */
/**
 * Personal content (docs/design.md #9, docs/domain.md §7): free text people wrote and names of people, as
 * opposed to the facts of what happened (types, ids, dates, outcomes). Personal content lives in
 * its own row, committed to by a hash in the immutable event, so retention can erase it while the
 * chain still verifies.
 *
 * A key list rather than a schema: every free-text field any command takes is named here, and
 * the retention test checks that no child's name or id is left after anonymisation.
 */
export const FREE_TEXT_KEYS: ReadonlySet<string> = new Set([
  'concern',
  'text',
  'note',
  'reason',
  'summary',
  'bestInterest',
  'childVoice',
  'heardBy',
  'notHeardReason',
  'question',
  'anonymousSummary',
  'scope',
  'givenBy',
  'refusedBy',
  'participants',
  'basis',
  'problem',
  'description',
  'when',
  'childParticipation',
  'parentsInvolved',
  'returnedReason',
  'specialGrounds',
  'requirements',
  'purpose',
]);

/** Who the case is about: erased with the text, so an anonymised case no longer leads to a child. */
export const IDENTIFYING_KEYS: ReadonlySet<string> = new Set(['childIds', 'childId']);

export const PERSONAL_KEYS: ReadonlySet<string> = new Set([...FREE_TEXT_KEYS, ...IDENTIFYING_KEYS]);

/** What an erased text reads as, in views and exports. */
export const ERASED = '[anonymisert]';

/** Personal values by JSON pointer (RFC 6901), e.g. `/plan/measures/0/description`. */
export type PersonalContent = Record<string, unknown>;

function isPersonal(key: string, value: unknown): boolean {
  if (!PERSONAL_KEYS.has(key) || value === null || value === undefined) return false;
  // `basis` of a deadline is structure ({ rule: … }); only text under these keys is personal.
  return typeof value === 'string' || (Array.isArray(value) && value.every((v) => typeof v === 'string'));
}

const escape = (k: string) => k.replace(/~/g, '~0').replace(/\//g, '~1');
const unescape = (k: string) => k.replace(/~1/g, '/').replace(/~0/g, '~');

/** Splits a payload into its facts (personal values removed) and its personal content. */
export function splitPersonal(payload: Record<string, unknown>): { facts: Record<string, unknown>; personal: PersonalContent | null } {
  const personal: PersonalContent = {};
  const walk = (value: unknown, path: string): unknown => {
    if (Array.isArray(value)) return value.map((v, i) => walk(v, `${path}/${i}`));
    if (value === null || typeof value !== 'object') return value;
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
      if (v === undefined) continue;
      if (isPersonal(k, v)) personal[`${path}/${escape(k)}`] = v;
      else out[k] = walk(v, `${path}/${escape(k)}`);
    }
    return out;
  };
  const facts = walk(JSON.parse(JSON.stringify(payload)), '') as Record<string, unknown>;
  return { facts, personal: Object.keys(personal).length ? personal : null };
}

/** Puts personal content back where it came from. */
export function mergePersonal(facts: Record<string, unknown>, personal: PersonalContent | null): Record<string, unknown> {
  const out = JSON.parse(JSON.stringify(facts)) as Record<string, unknown>;
  for (const [pointer, value] of Object.entries(personal ?? {})) {
    const keys = pointer.split('/').slice(1).map(unescape);
    let at: Record<string, unknown> = out;
    for (const k of keys.slice(0, -1)) {
      if (at[k] === null || typeof at[k] !== 'object') at[k] = {};
      at = at[k] as Record<string, unknown>;
    }
    at[keys[keys.length - 1]] = value;
  }
  return out;
}
