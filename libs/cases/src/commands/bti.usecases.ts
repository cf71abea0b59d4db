import { BTI_SERVICES, BtiCommandType } from '../../../workflow/src';
import { CommandContext, CommandHooksFor } from './command.usecase';
import { CaseRecord } from '../ports';
import { FieldError } from '../errors';

/**
 * The BTI commands (docs/domain.md §4): what each needs beyond its payload's shape. The BTI machine
 * decides levels, coordinator and consent rules; these check names against the organisation.
 */
/** The owner's list of services (the standard ones plus its own, in its guidance). */
async function servicesOf(rec: CaseRecord, ctx: CommandContext): Promise<string[]> {
  return (await ctx.guidance(rec.ownerId)).btiServices ?? [...BTI_SERVICES];
}
async function knownServices(rec: CaseRecord, ctx: CommandContext, services: string[] | undefined, field: string): Promise<FieldError[]> {
  const known = await servicesOf(rec, ctx);
  return (services ?? []).flatMap((s, i) =>
    known.includes(s) ? [] : [{ field: `${field}[${i}]`, message: `must be one of ${known.join(', ')}` }],
  );
}
async function knownService(rec: CaseRecord, ctx: CommandContext, service: string): Promise<FieldError[]> {
  const known = await servicesOf(rec, ctx);
  return known.includes(service) ? [] : [{ field: 'service', message: `must be one of ${known.join(', ')}` }];
}

export const BTI_HOOKS: CommandHooksFor<BtiCommandType> = {
  BTI_DECIDE: {
    check: async (rec, p, ctx) => [
      ...(await knownServices(rec, ctx, p.services, 'services')),
      ...(p.barnevernReported && p.decision !== 'level3' ? [{ field: 'barnevernReported', message: 'goes with decision level3' }] : []),
    ],
  },
  BTI_ESCALATE: { check: (rec, p, ctx) => knownServices(rec, ctx, p.services, 'services') },
  ASSIGN_COORDINATOR: {
    async check(rec, p, { directory }) {
      const known = await directory.existingUserIds(rec.ownerId, [p.userId]);
      return known.length ? [] : [{ field: 'userId', message: 'must be a user of this owner' }];
    },
    // The coordinator sees the case from now on.
    involves: (p) => [p.userId],
  },
  RECORD_CONSENT: {
    check: async (rec, p, ctx) => [
      ...(await knownService(rec, ctx, p.service)),
      ...(p.expiresAt && new Date(p.expiresAt).getTime() <= new Date(p.givenAt).getTime()
        ? [{ field: 'expiresAt', message: 'must be after givenAt' }]
        : []),
    ],
  },
  RECORD_CONSENT_REFUSAL: { check: (rec, p, ctx) => knownService(rec, ctx, p.service) },
  WITHDRAW_CONSENT: {
    check: (rec, p, ctx) => knownService(rec, ctx, p.service),
    // PPT loses access at once when it took part by consent; the history says so.
    writes: (rec, p, { now }) =>
      p.service === 'ppt' && rec.bti.context.ppt && !rec.bti.context.ppt.anonymous
        ? {
            events: [
              {
                type: 'PPT_ACCESS_ENDED',
                actorUserId: null,
                actorRole: 'system',
                at: now,
                payload: { reason: 'consent for ppt withdrawn' },
              },
            ],
          }
        : {},
  },
  REQUEST_PPT: {
    check: (_rec, p) =>
      p.anonymous && !p.anonymousSummary?.trim()
        ? [{ field: 'anonymousSummary', message: 'is required when anonymous: it is all PPT sees of the case, so write it without names' }]
        : [],
  },
  BTI_EVALUATE: {
    check: (_rec, p) =>
      p.decision === 'change_level' && !p.toLevel ? [{ field: 'toLevel', message: 'is required when decision is change_level' }] : [],
  },
};
