import { randomUUID } from 'node:crypto';
import { applyEnforcementCommand, openBti, openCase, openEnforcement, Regime } from '../../workflow/src';
import { CaseViews } from './case-views';
import { mayOpenCase } from './authorization.policy';
import { CaseView } from './case-view';
import { planEffects } from './effect.planner';
import { FieldError, ForbiddenError, InvalidInputError } from './errors';
import { CaseRecord, CaseStore, Clock, Directory, JournalRenderer, PolicyProvider, UserContext } from './ports';
import { journalEntriesFor } from './archive/journal-entries';

export interface OpenConcernInput {
  unitId: string;
  childIds: string[];
  groupId?: string | null;
  concern: string;
  source: 'staff_observation' | 'child_told' | 'parent_told' | 'other';
  childSaysUnsafe: boolean;
  staffOffender: boolean;
  offenderIsLeadership: boolean;
  occurredAt?: string | null;
}

/**
 * Melde fra: anyone working there reports a concern to the principal (§12-4 / §42), or
 * directly to the owner when the leadership is the offender (§12-5 / §43).
 */
export class OpenConcern {
  constructor(
    private readonly store: CaseStore,
    private readonly directory: Directory,
    private readonly policies: PolicyProvider,
    private readonly clock: Clock,
    private readonly views: CaseViews,
    private readonly renderer: JournalRenderer,
  ) {}

  async execute(user: UserContext, input: OpenConcernInput): Promise<CaseView> {
    const unit = await this.directory.unit(input.unitId);
    const visible = unit && user.roles.some((r) => r.ownerId === unit.ownerId);
    if (!unit || !visible) throw new InvalidInputError([{ field: 'unitId', message: 'no such unit in your scope' }]);
    const decision = mayOpenCase(user, unit);
    if (!decision.allow) throw new ForbiddenError(decision.reason, 'staff or principal of the unit');

    const errors: FieldError[] = [];
    const children = await this.directory.children(unit.id);
    input.childIds.forEach((id, i) => {
      if (!children.some((c) => c.id === id)) errors.push({ field: `childIds[${i}]`, message: 'must be a child of the unit' });
    });
    if (new Set(input.childIds).size !== input.childIds.length) errors.push({ field: 'childIds', message: 'must not repeat a child' });
    if (input.groupId) {
      const groups = await this.directory.groups(unit.id);
      if (!groups.some((g) => g.id === input.groupId)) errors.push({ field: 'groupId', message: 'must be a group of the unit' });
    }
    if (input.offenderIsLeadership && !input.staffOffender) {
      errors.push({ field: 'offenderIsLeadership', message: 'requires staffOffender: true' });
    }
    const now = this.clock.now();
    if (input.occurredAt && new Date(input.occurredAt).getTime() > now.getTime() + 5 * 60_000) {
      errors.push({ field: 'occurredAt', message: 'must not be in the future' });
    }
    if (errors.length) throw new InvalidInputError(errors);

    const outcome = openCase({
      regime: unit.kind,
      childIds: input.childIds,
      childSaysUnsafe: input.childSaysUnsafe,
      staffOffender: input.staffOffender,
      offenderIsLeadership: input.offenderIsLeadership,
      at: now.toISOString(),
    });
    const ctx = outcome.snapshot.context;
    const caseId = randomUUID();
    // BTI level 0 starts with the case (docs/domain.md §4), with its decision deadline.
    const bti = openBti(ctx.handledBy);
    // Parents who bring a concern to the rektor have raised it with the rektor personally: the week
    // before they may go to Statsforvalteren starts now (opplæringslova §12-6).
    const raised = raisedWithRektorNow(unit.kind, input.source, decision.role, ctx.handledBy, now);
    const writes = await planEffects([...outcome.effects, ...bti.effects], { caseId, unit, handledBy: ctx.handledBy }, now, {
      directory: this.directory,
      policies: this.policies,
    });
    const rec: CaseRecord = {
      id: caseId,
      ownerId: unit.ownerId,
      unitId: unit.id,
      groupId: input.groupId ?? null,
      regime: unit.kind,
      state: outcome.state,
      version: 1,
      snapshot: outcome.snapshot,
      bti: bti.snapshot,
      enforcement: raised?.snapshot ?? openEnforcement(unit.kind, ctx.handledBy),
      legalHold: null,
      anonymisedAt: null,
      handledBy: ctx.handledBy,
      serious: ctx.serious,
      childIds: input.childIds,
      involvedUserIds: [user.id],
      openedBy: user.id,
      source: input.source,
      concern: input.concern,
      occurredAt: input.occurredAt ? new Date(input.occurredAt) : null,
      openedAt: now,
      closedAt: null,
      caseNumber: null,
      depositedAt: null,
    };
    const opened = {
      type: 'CASE_OPENED',
      actorUserId: user.id,
      actorRole: decision.role,
      at: now,
      payload: { ...input, regime: unit.kind, legalBasis: ctx.legalBasis, handledBy: ctx.handledBy },
    };
    const raisedEvent = raised && {
      type: 'RAISED_WITH_PRINCIPAL',
      actorUserId: user.id,
      actorRole: decision.role,
      at: now,
      payload: { at: now.toISOString(), automatic: true },
    };
    const events = [opened, ...writes.events, ...(raisedEvent ? [raisedEvent] : [])];
    const journal = await journalEntriesFor(
      events,
      { ownerId: unit.ownerId, unit, regime: unit.kind, childIds: input.childIds, legalBasis: ctx.legalBasis, plan: null },
      { directory: this.directory, renderer: this.renderer },
    );
    const { caseNumber, deadlines } = await this.store.create(rec, { ...writes, events, journal });
    return this.views.one(user, { ...rec, caseNumber }, now, deadlines);
  }
}

function raisedWithRektorNow(regime: Regime, source: string, role: string, handledBy: 'principal' | 'owner', now: Date) {
  if (regime !== 'school' || source !== 'parent_told' || role !== 'principal' || handledBy !== 'principal') return undefined;
  const at = now.toISOString();
  return applyEnforcementCommand(openEnforcement(regime, handledBy), {
    type: 'RAISED_WITH_PRINCIPAL',
    raisedAt: at,
    automatic: true,
    actor: { userId: 'system', role: 'system', involved: false },
    at,
  });
}
