import { AUDIT_MESSAGES } from './audit.messages';
import { BTI_LOG_FIELD_MESSAGES, BTI_MESSAGES } from './bti.messages';
import { CASE_MESSAGES } from './case.messages';
import { COMMAND_MESSAGES } from './commands.messages';
import { COMMON_MESSAGES } from './common.messages';
import { OMNI_MESSAGES } from './omni.messages';
import { OWNER_MESSAGES } from './owner.messages';
import { SETTINGS_MESSAGES } from './settings.messages';

/** Each area's messages, per language; nb.ts and nn.ts take them in. */
const AREAS = [
  COMMON_MESSAGES,
  CASE_MESSAGES,
  COMMAND_MESSAGES,
  BTI_MESSAGES,
  BTI_LOG_FIELD_MESSAGES,
  OMNI_MESSAGES,
  AUDIT_MESSAGES,
  OWNER_MESSAGES,
  SETTINGS_MESSAGES,
] as const;
// Every area's keys together (a conditional type distributes over the union of areas).
type KeysOf<T> = T extends Record<infer K, string> ? K : never;
type AllKeys = KeysOf<(typeof AREAS)[number]['nb']>;

export const AREAS_NB = Object.assign({}, ...AREAS.map((a) => a.nb)) as Record<AllKeys, string>;
export const AREAS_NN = Object.assign({}, ...AREAS.map((a) => a.nn)) as Record<AllKeys, string>;
