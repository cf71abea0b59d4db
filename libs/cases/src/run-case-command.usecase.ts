import {
  BtiEvent,
  btiDriver,
  CaseEvent,
  CommandType,
  dutyToActDriver,
  enforcementDriver,
  EnforcementEvent,
  osloDateOf,
  PlanWarning,
  stateTakes,
} from '../../workflow/src';
import { actorFor, allowedCommandsFor, factsOf, loadVisibleCase } from './case-access';
import { CaseViews } from './case-views';
import { OmniInsight } from './omni-insight';
import { mayRunCommand } from './authorization.policy';
import { CaseView } from './case-view';
import { AnyCommandType, CommandBody, CommandContext, CommandPayload, hooksOf, targetOf } from './commands';
import { planEffects } from './effect.planner';
import { ConflictError, ForbiddenError, InvalidInputError, NotFoundError } from './errors';
import { AccessLog, CaseChange, CaseRecord, CaseStore, Clock, Directory, JournalRenderer, PolicyProvider, UserContext } from './ports';
import { journalEntriesFor } from './archive/journal-entries';
import { saksstatusOf } from './archive/journal-rules';

export interface CaseCommandInput<T extends AnyCommandType = AnyCommandType> {
  caseId: string;
  type: T;
  expectedVersion: number;
  payload: CommandPayload<T>;
}

/** A command as the API parsed it, split into what the pipeline checks and the payload. */
export function commandInput<T extends AnyCommandType>(caseId: string, body: CommandBody<T>): CaseCommandInput<T> {
  const { type, expectedVersion, ...payload } = body;
  // TypeScript cannot see that the rest of `{ type, expectedVersion } & CommandPayload<T>` is the payload.
  return { caseId, type, expectedVersion, payload: payload as unknown as CommandPayload<T> };
}

/** What a command did to the case's three machines. */
type Transitioned = Pick<CaseChange, 'state' | 'snapshot' | 'bti' | 'enforcement'> & { effects: Parameters<typeof planEffects>[0] };

/**
 * Runs one command on one case: load, authorise, check, transition (the duty-to-act machine, or
 * the BTI machine for BTI commands), and persist the snapshots, events and deadlines in ONE
 * transaction guarded by the expected version.
 */
export class RunCaseCommand {
  constructor(
    private readonly store: CaseStore,
    private readonly directory: Directory,
    private readonly policies: PolicyProvider,
    private readonly clock: Clock,
    private readonly views: CaseViews,
    private readonly omni: OmniInsight,
    private readonly accessLog: AccessLog,
    private readonly renderer: JournalRenderer,
  ) {}

  async execute<T extends AnyCommandType>(user: UserContext, input: CaseCommandInput<T>): Promise<CaseView & { warnings?: PlanWarning[] }> {
    const useCase = hooksOf(input.type);
    const now = this.clock.now();
    const rec = await loadVisibleCase(this.store, user, input.caseId, now);
    const actor = actorFor(user, rec, now)!;

    const decision = mayRunCommand(user, factsOf(rec, now), input.type);
    if (!decision.allow) {
      // A refused write is on record too, like every read (docs/domain.md §7).
      await this.accessLog.record([
        {
          ownerId: rec.ownerId,
          unitId: rec.unitId,
          caseId: rec.id,
          userId: user.id,
          role: actor.role,
          kind: 'write_refused',
          detail: input.type,
          purpose: null,
          at: now,
        },
      ]);
      throw new ForbiddenError(decision.reason, input.type);
    }

    if (rec.anonymisedAt) {
      throw this.conflict(user, rec, now, "the case was anonymised under the owner's retention rules; it takes no more commands");
    }
    if (rec.version !== input.expectedVersion) {
      throw this.conflict(user, rec, now, `the case is at version ${rec.version}, not ${input.expectedVersion}: reload it and try again`);
    }
    const target = targetOf(input.type);
    // A command the state cannot take from anyone is a 409 before its payload is checked against the case.
    if (target === 'dutyToAct' && !stateTakes(rec.snapshot, input.type as CommandType)) {
      throw this.conflict(user, rec, now, `${input.type} is not possible while the case is ${rec.state}`);
    }
    if (target === 'bti' && rec.state === 'closed') {
      throw this.conflict(user, rec, now, `${input.type} is not possible while the case is closed`);
    }

    const ctx: CommandContext = {
      directory: this.directory,
      today: osloDateOf(now),
      now,
      user,
      actor,
      store: this.store,
      staircaseStep: (r) => this.omni.staircaseStep(r),
      guidance: (ownerId) => this.omni.guidance(ownerId),
    };
    const errors = (await useCase.check?.(rec, input.payload, ctx)) ?? [];
    if (errors.length) throw new InvalidInputError(errors);

    const fields = useCase.toMachine ? useCase.toMachine(input.payload) : input.payload;
    const event = { ...fields, type: input.type, actor, at: now.toISOString() };
    const next = this.transition(rec, event);
    if (typeof next === 'string') throw this.conflict(user, rec, now, next);

    const unit = await this.directory.unit(rec.unitId);
    if (!unit) throw new NotFoundError('unit not found');
    const writes = await planEffects(
      next.effects,
      {
        caseId: rec.id,
        unit,
        handledBy: rec.handledBy,
        coordinator: next.bti.context.coordinator ?? next.bti.context.pendingCoordinator,
        reporterUserId: rec.openedBy !== user.id ? rec.openedBy : null,
      },
      now,
      { directory: this.directory, policies: this.policies },
    );
    const involved = new Set(rec.involvedUserIds);
    if (actor.role === 'staff') involved.add(user.id);
    for (const id of useCase.involves?.(input.payload) ?? []) involved.add(id);

    const duty = next.snapshot.context;
    const extra = useCase.writes?.(rec, input.payload, ctx) ?? {};
    const warnings = (await useCase.warnings?.(rec, input.payload, ctx)) ?? [];
    const events = [
      { type: input.type, actorUserId: user.id, actorRole: actor.role, at: now, payload: { ...input.payload } },
      ...writes.events,
      ...(extra.events ?? []),
    ];
    // The documents the law says are archived become journal entries in this same transaction.
    const journal = await journalEntriesFor(
      events,
      { ownerId: rec.ownerId, unit, regime: rec.regime, childIds: rec.childIds, legalBasis: duty.legalBasis, plan: duty.plan },
      { directory: this.directory, renderer: this.renderer },
    );
    const status = { from: saksstatusOf(rec.state), to: saksstatusOf(next.state) };
    const statusChange = status.from !== status.to ? { by: user.id, ...status } : undefined;
    const change: CaseChange = {
      state: next.state,
      snapshot: next.snapshot,
      bti: next.bti,
      enforcement: next.enforcement,
      legalHold: useCase.legalHold ? useCase.legalHold(rec, input.payload) : rec.legalHold,
      serious: duty.serious,
      involvedUserIds: [...involved],
      closedAt: duty.closedAt ? new Date(duty.closedAt) : null,
    };
    const committed = await this.store.commit(
      rec.id,
      input.expectedVersion,
      change,
      { ...writes, ...extra, events, journal, statusChange },
      now,
      rec.lastLink,
    );
    if (!committed) {
      const fresh = (await this.store.get(rec.id)) ?? rec;
      throw this.conflict(user, fresh, now, `the case changed meanwhile (now version ${fresh.version}): reload it and try again`);
    }
    // The response is built from what was just written, not read back.
    const saved: CaseRecord = { ...rec, ...change, version: rec.version + 1 };
    const view = await this.views.one(user, saved, now, committed.deadlines);
    return warnings.length ? { ...view, warnings } : view;
  }

  /** The new snapshots and effects, or the rule that refused the command, in words. */
  private transition(rec: CaseRecord, request: { type: AnyCommandType } & Record<string, unknown>): Transitioned | string {
    // The payload passed its DTO and hooks; here it becomes the event of the machine it drives.
    const event = request as unknown;
    const unchanged: Transitioned = { state: rec.state, snapshot: rec.snapshot, bti: rec.bti, enforcement: rec.enforcement, effects: [] };
    switch (targetOf(request.type)) {
      case 'record':
        return unchanged;
      case 'bti': {
        const outcome = btiDriver.apply(rec.bti, event as BtiEvent);
        return outcome
          ? { ...unchanged, bti: outcome.snapshot, effects: outcome.effects }
          : btiDriver.explainRefusal(rec.bti, event as BtiEvent);
      }
      case 'enforcement': {
        const outcome = enforcementDriver.apply(rec.enforcement, event as EnforcementEvent);
        return outcome
          ? { ...unchanged, enforcement: outcome.snapshot, effects: outcome.effects }
          : enforcementDriver.explainRefusal(rec.enforcement, event as EnforcementEvent);
      }
      case 'dutyToAct': {
        const outcome = dutyToActDriver.apply(rec.snapshot, event as CaseEvent);
        return outcome
          ? { ...unchanged, state: outcome.state, snapshot: outcome.snapshot, effects: outcome.effects }
          : dutyToActDriver.explainRefusal(rec.snapshot, event as CaseEvent);
      }
    }
  }

  private conflict(user: UserContext, rec: CaseRecord, now: Date, detail: string): ConflictError {
    return new ConflictError(detail, rec.state, rec.version, allowedCommandsFor(user, rec, now));
  }
}
