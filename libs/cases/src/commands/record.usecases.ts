import { leadsCase } from '../../../workflow/src';
import { FieldError, ForbiddenError } from '../errors';
import { FREE_TEXT_KEYS } from '../history/personal-content';
import { CommandHooksFor } from './command.usecase';
import { RecordCommandType } from './record-commands';

/** Besides free text, the times people gave for what happened can be corrected. */
const CORRECTABLE_TIMES = new Set(['occurredAt', 'heardAt']);

/** The record's own commands, which move no machine: legal holds and corrections. */
export const RECORD_HOOKS: CommandHooksFor<RecordCommandType> = {
  /**
   * A legal hold (e.g. a complaint, a lawsuit, a request from the police or Statsforvalteren) keeps
   * retention from anonymising the case until it is released. Placed and released by the owner,
   * on the record with the reason.
   */
  PLACE_LEGAL_HOLD: {
    check: (rec) => (rec.legalHold ? [{ field: 'reason', message: `the case is already on legal hold (${rec.legalHold})` }] : []),
    legalHold: (_rec, p) => p.reason,
  },

  RELEASE_LEGAL_HOLD: {
    check: (rec) => (rec.legalHold ? [] : [{ field: 'type', message: 'the case has no legal hold to release' }]),
    legalHold: () => null,
  },

  /**
   * A correction is a new entry beside the original (docs/domain.md §7): nothing is edited or deleted.
   * It corrects what was written (free text, names, the times people gave), never what the case
   * decided: a plan changes with a new plan version, a state with the commands of the case.
   * The author of the entry or whoever leads the case may correct it.
   */
  CORRECT_ENTRY: {
    check: async (rec, p, ctx) => {
      const events = await ctx.store.events(rec.id);
      const original = events.find((e) => e.seq === p.seq);
      if (!original) return [{ field: 'seq', message: `must be an entry of this case (1–${events.length})` }];
      if (original.actorRole === 'system' || original.actorRole === null)
        return [{ field: 'seq', message: 'entries Trygg wrote itself cannot be corrected' }];
      if (original.type === 'CORRECT_ENTRY') return [{ field: 'seq', message: 'correct the original entry, not a correction' }];
      if (original.contentErased) return [{ field: 'seq', message: 'the entry was anonymised under retention' }];
      if (original.actorUserId !== ctx.user.id && !leadsCase(rec.handledBy, ctx.actor.role)) {
        throw new ForbiddenError('an entry is corrected by the person who wrote it or by whoever leads the case', 'author of the entry');
      }
      const errors: FieldError[] = [];
      const keys = Object.keys(p.corrected);
      if (!keys.length) errors.push({ field: 'corrected', message: 'must name at least one field of the entry with its corrected value' });
      for (const key of keys) {
        const field = `corrected.${key}`;
        const was = original.payload[key];
        const now = p.corrected[key];
        if (!(key in original.payload)) errors.push({ field, message: `is not a field of entry ${p.seq} (${original.type})` });
        else if (!FREE_TEXT_KEYS.has(key) && !CORRECTABLE_TIMES.has(key)) {
          errors.push({
            field,
            message:
              "only what was written (text, names) or the times people gave can be corrected; a plan changes with a new version, a decision with the case's commands",
          });
        } else if (typeof was === 'string' && (typeof now !== 'string' || !now.trim() || now.length > 20000))
          errors.push({ field, message: 'must be a non-empty text of at most 20000 characters' });
        else if (Array.isArray(was) && !(Array.isArray(now) && now.length > 0 && now.every((x) => typeof x === 'string' && x.trim())))
          errors.push({ field, message: 'must be a non-empty list of texts' });
        else if (CORRECTABLE_TIMES.has(key) && Number.isNaN(new Date(now as string).getTime()))
          errors.push({ field, message: 'must be a date-time (ISO 8601)' });
        else if (JSON.stringify(was) === JSON.stringify(now)) errors.push({ field, message: 'is the same as the original' });
      }
      return errors;
    },
  },
};
