import { createHash, randomBytes } from 'node:crypto';
import canonicalize from 'canonicalize';
import type { StoredEvent } from '../ports';
import { mergePersonal, PersonalContent, splitPersonal } from './personal-content';

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

/** A stored event as verification reads it. */
export interface ChainRow extends ChainedFields {
  hash: string;
  /** The content row: null when the event has none (or it is missing). */
  content: { nonce: string | null; personal: PersonalContent | null; erasedAt: Date | null } | null;
}

/** A chain row as the store reads it, with when it was recorded. */
export interface StoredChainRow extends ChainRow {
  recordedAt: Date;
}

/** The entry as people read it: its personal content merged back in (or shown as erased). */
export function storedEventOf(r: StoredChainRow): StoredEvent {
  return {
    seq: r.seq,
    type: r.type,
    actorUserId: r.actorUserId,
    actorRole: r.actorRole as StoredEvent['actorRole'],
    at: r.at,
    payload: mergePersonal(r.payload, r.content?.personal ?? null),
    recordedAt: r.recordedAt,
    hash: r.hash,
    contentErased: !!r.content?.erasedAt,
  };
}

export interface ChainVerification {
  valid: boolean;
  events: number;
  /** The first event whose link, hash or content does not match; null when all do. */
  firstBrokenSeq: number | null;
  /** What broke there, in words. */
  problem: string | null;
  /** Events whose personal content retention has erased; their hashes still verify. */
  erasedContents: number;
  lastHash: string | null;
}

/** Walks the chain from the first event; rows must come ordered by seq. */
export function verifyChain(rows: ReadonlyArray<ChainRow>): ChainVerification {
  let prev: string | null = null;
  let erased = 0;
  const broken = (seq: number, problem: string): ChainVerification => ({
    valid: false,
    events: rows.length,
    firstBrokenSeq: seq,
    problem,
    erasedContents: erased,
    lastHash: rows.length ? rows[rows.length - 1].hash : null,
  });
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    if (r.seq !== i + 1) return broken(i + 1, `event ${i + 1} is missing (found seq ${r.seq})`);
    if (r.prevHash !== prev) return broken(r.seq, 'prevHash does not match the hash of the event before');
    if (eventHash(r) !== r.hash) return broken(r.seq, 'the stored hash does not match the event');
    if (r.contentHash !== null) {
      if (!r.content) return broken(r.seq, 'the personal content row is missing');
      if (r.content.erasedAt) erased++;
      else if (!r.content.nonce || !r.content.personal || contentHash(r.content.nonce, r.content.personal) !== r.contentHash) {
        return broken(r.seq, 'the personal content does not match its hash');
      }
    } else if (r.content) return broken(r.seq, 'a personal content row the event does not commit to');
    prev = r.hash;
  }
  return { valid: true, events: rows.length, firstBrokenSeq: null, problem: null, erasedContents: erased, lastHash: prev };
}

/** A chain row as the case file exports it: `at` as ISO UTC text, everything else as stored. */
export interface ExportedChainRow extends Omit<ChainRow, 'at' | 'content'> {
  at: string;
  content: { nonce: string | null; personal: PersonalContent | null; erasedAt: string | null } | null;
}

export function exportChain(rows: ReadonlyArray<ChainRow>): ExportedChainRow[] {
  return rows.map((r) => ({
    caseId: r.caseId,
    seq: r.seq,
    type: r.type,
    actorUserId: r.actorUserId,
    actorRole: r.actorRole,
    at: r.at.toISOString(),
    payload: r.payload,
    contentHash: r.contentHash,
    prevHash: r.prevHash,
    hash: r.hash,
    content: r.content
      ? { nonce: r.content.nonce, personal: r.content.personal, erasedAt: r.content.erasedAt ? r.content.erasedAt.toISOString() : null }
      : null,
  }));
}

/** Verifies an exported chain, e.g. from a case file handed to the archive or Statsforvalteren. */
export function verifyExportedChain(rows: ReadonlyArray<ExportedChainRow>): ChainVerification {
  return verifyChain(
    rows.map((r) => ({
      ...r,
      at: new Date(r.at),
      content: r.content ? { ...r.content, erasedAt: r.content.erasedAt ? new Date(r.content.erasedAt) : null } : null,
    })),
  );
}
