import { StoredChainRow } from '../../cases/src/history';

/** The history exactly as stored: each event with its personal content row, for the chain check. */
export const CHAIN_SELECT = `SELECT e.*, c.nonce, c.content, c.erased_at, c.case_id IS NOT NULL AS has_content
  FROM case_events e LEFT JOIN case_event_contents c ON c.case_id = e.case_id AND c.seq = e.seq`;

export function chainRowOf(r: Record<string, unknown>): StoredChainRow {
  return {
    caseId: r.case_id as string,
    seq: r.seq as number,
    type: r.type as string,
    actorUserId: r.actor_user_id as string | null,
    actorRole: r.actor_role as string | null,
    at: r.at as Date,
    payload: r.payload as Record<string, unknown>,
    contentHash: r.content_hash as string | null,
    prevHash: r.prev_hash as string | null,
    hash: r.hash as string,
    recordedAt: r.recorded_at as Date,
    content: r.has_content
      ? { nonce: r.nonce as string | null, personal: r.content as Record<string, unknown> | null, erasedAt: r.erased_at as Date | null }
      : null,
  };
}
