import { BTI_SERVICES, BtiCommandType } from '../../../workflow/src';
import { CommandUseCase, defineCommand } from '../commands/command.usecase';
import { FieldError } from '../errors';

/**
 * The BTI commands (domain.md §4): what each needs beyond its payload's shape. The BTI machine
 * decides levels, coordinator and consent rules; these check names against the organisation.
 */
const knownServices = (services: string[] | undefined, field: string): FieldError[] =>
  (services ?? []).flatMap((s, i) => ((BTI_SERVICES as readonly string[]).includes(s) ? [] : [{ field: `${field}[${i}]`, message: `must be one of ${BTI_SERVICES.join(', ')}` }]));
const knownService = (service: string): FieldError[] =>
  (BTI_SERVICES as readonly string[]).includes(service) ? [] : [{ field: 'service', message: `must be one of ${BTI_SERVICES.join(', ')}` }];

export const BTI_USE_CASES: { [T in BtiCommandType]: CommandUseCase<T> } = {
  BTI_DECIDE: defineCommand({
    type: 'BTI_DECIDE',
    check: (_rec, p) => [
      ...knownServices(p.services, 'services'),
      ...(p.barnevernReported && p.decision !== 'level3' ? [{ field: 'barnevernReported', message: 'goes with decision level3' }] : []),
    ],
  }),
  BTI_ESCALATE: defineCommand({ type: 'BTI_ESCALATE', check: (_rec, p) => knownServices(p.services, 'services') }),
  BTI_DEESCALATE: defineCommand({ type: 'BTI_DEESCALATE' }),
  ASSIGN_COORDINATOR: defineCommand({
    type: 'ASSIGN_COORDINATOR',
    async check(rec, p, { directory }) {
      const known = await directory.existingUserIds(rec.ownerId, [p.userId]);
      return known.length ? [] : [{ field: 'userId', message: 'must be a user of this owner' }];
    },
    // The coordinator sees the case from now on.
    involves: (p) => [p.userId],
  }),
  ACCEPT_COORDINATION: defineCommand({ type: 'ACCEPT_COORDINATION' }),
  RECORD_CONSENT: defineCommand({
    type: 'RECORD_CONSENT',
    check: (_rec, p) => [
      ...knownService(p.service),
      ...(p.expiresAt && new Date(p.expiresAt).getTime() <= new Date(p.givenAt).getTime() ? [{ field: 'expiresAt', message: 'must be after givenAt' }] : []),
    ],
  }),
  RECORD_CONSENT_REFUSAL: defineCommand({ type: 'RECORD_CONSENT_REFUSAL', check: (_rec, p) => knownService(p.service) }),
  WITHDRAW_CONSENT: defineCommand({
    type: 'WITHDRAW_CONSENT',
    check: (_rec, p) => knownService(p.service),
    // PPT loses access at once when it took part by consent; the history says so.
    writes: (rec, p, { now }) =>
      p.service === 'ppt' && rec.bti.context.ppt && !rec.bti.context.ppt.anonymous
        ? { events: [{ type: 'PPT_ACCESS_ENDED', actorUserId: null, actorRole: 'system', at: now, payload: { reason: 'consent for ppt withdrawn' } }] }
        : {},
  }),
  REQUEST_PPT: defineCommand({
    type: 'REQUEST_PPT',
    check: (_rec, p) =>
      p.anonymous && !p.anonymousSummary?.trim()
        ? [{ field: 'anonymousSummary', message: 'is required when anonymous: it is all PPT sees of the case, so write it without names' }]
        : [],
  }),
  PPT_ADVICE: defineCommand({ type: 'PPT_ADVICE' }),
  BTI_EVALUATE: defineCommand({
    type: 'BTI_EVALUATE',
    check: (_rec, p) => (p.decision === 'change_level' && !p.toLevel ? [{ field: 'toLevel', message: 'is required when decision is change_level' }] : []),
  }),
};
