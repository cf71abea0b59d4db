/*
 * FROZEN for migration 1764300000000-trusted-history: the hashing and the split of personal
 * content exactly as they were when that migration was written (commit 54543d8). A migration
 * must do the same thing forever, so it never imports live code from libs/; do not edit this
 * file to follow changes there (docs/decisions.md, "Migrations import nothing from libs/").
 */
import { createHash, randomBytes } from 'node:crypto';
import canonicalize from 'canonicalize';
import { PersonalContent, splitPersonal } from './1764300000000-personal-content';

/**
 * The tamper-evident history (docs/domain.md §7, docs/design.md #9). Every event stores `prevHash` and
 * `hash` = SHA-256 of the RFC 8785 canonical JSON of the event with `prevHash`. The event holds
 * the facts; its personal content sits in its own row, committed to by `contentHash` (salted, so
 * an erased short text cannot be guessed back from the hash).
 */
export const CHAIN_VERSION = 1;

export interface ChainedFields {
  caseId: string;
  seq: number;
  type: string;
  actorUserId: string | null;
  actorRole: string | null;
  at: Date;
  /** The facts: the payload without its personal content. */
  payload: Record<string, unknown>;
  contentHash: string | null;
  prevHash: string | null;
}

export interface SealedEvent extends ChainedFields {
  hash: string;
  /** The personal content and its salt; null when the event has none. */
  content: { nonce: string; personal: PersonalContent } | null;
}

const sha256 = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex');

export function eventHash(e: ChainedFields): string {
  return sha256(
    canonicalize({
      v: CHAIN_VERSION,
      caseId: e.caseId,
      seq: e.seq,
      type: e.type,
      actorUserId: e.actorUserId,
      actorRole: e.actorRole,
      at: e.at.toISOString(),
      payload: e.payload,
      contentHash: e.contentHash,
      prevHash: e.prevHash,
    }) as string,
  );
}

export function contentHash(nonce: string, personal: PersonalContent): string {
  return sha256(canonicalize({ nonce, personal }) as string);
}

/** Chains new events after the case's last one (null for a new case). */
export function sealEvents(
  caseId: string,
  last: { seq: number; hash: string } | null,
  events: ReadonlyArray<{ type: string; actorUserId: string | null; actorRole: string | null; at: Date; payload: Record<string, unknown> }>,
): SealedEvent[] {
  let seq = last?.seq ?? 0;
  let prevHash = last?.hash ?? null;
  return events.map((e) => {
    const { facts, personal } = splitPersonal(e.payload);
    const nonce = personal ? randomBytes(16).toString('hex') : null;
    const fields: ChainedFields = {
      caseId,
      seq: ++seq,
      type: e.type,
      actorUserId: e.actorUserId,
      actorRole: e.actorRole,
      at: e.at,
      payload: facts,
      contentHash: personal && nonce ? contentHash(nonce, personal) : null,
      prevHash,
    };
    const hash = eventHash(fields);
    prevHash = hash;
    return { ...fields, hash, content: personal && nonce ? { nonce, personal } : null };
  });
}
