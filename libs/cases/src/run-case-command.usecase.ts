import {
  applyBtiCommand,
  applyCommand,
  applyEnforcementCommand,
  BtiEffect,
  BtiEvent,
  CaseEvent,
  CaseState,
  commandsInState,
  Effect,
  EnforcementEffect,
  EnforcementEvent,
  explainBtiRefusal,
  explainEnforcementRefusal,
  explainRefusal,
  osloDateOf,
  PersistedBti,
  PersistedCase,
  PersistedEnforcement,
  PlanWarning,
} from '../../workflow/src';
import { actorFor, allowedCommandsFor, factsOf, loadVisibleCase } from './case-access';
import { CaseViews } from './case-views';
import { OmniInsight } from './omni-insight';
import { mayRunCommand } from './authorization.policy';
import { CaseView } from './case-view';
import {
  AnyCommandType,
  COMMAND_USE_CASES,
  CommandContext,
  CommandUseCase,
  ENFORCEMENT_USE_CASES,
  isBtiCommand,
  isEnforcementCommand,
  isRecordCommand,
  MachinePayload,
  RECORD_USE_CASES,
} from './commands';
import { BTI_USE_CASES } from './bti';
import { planEffects } from './effect.planner';
import { ConflictError, ForbiddenError, InvalidInputError, NotFoundError } from './errors';
import { AccessLog, CaseRecord, CaseStore, Clock, Directory, PolicyProvider, UserContext } from './ports';

const USE_CASES: Record<AnyCommandType, unknown> = { ...COMMAND_USE_CASES, ...BTI_USE_CASES, ...ENFORCEMENT_USE_CASES, ...RECORD_USE_CASES };

export interface CaseCommandInput<T extends AnyCommandType = AnyCommandType> {
  caseId: string;
  type: T;
  expectedVersion: number;
  payload: MachinePayload<T>;
}

/** What a command did to the case's three machines. */
interface Transitioned {
  state: CaseState;
  snapshot: PersistedCase;
  bti: PersistedBti;
  enforcement: PersistedEnforcement;
  effects: Array<Effect | BtiEffect | EnforcementEffect>;
}

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
  ) {}

  async execute<T extends AnyCommandType>(user: UserContext, input: CaseCommandInput<T>): Promise<CaseView & { warnings?: PlanWarning[] }> {
    const useCase = USE_CASES[input.type] as unknown as CommandUseCase<T>;
    const now = this.clock.now();
    const rec = await loadVisibleCase(this.store, user, input.caseId, now);
    const actor = actorFor(user, rec, now)!;

    const decision = mayRunCommand(user, factsOf(rec, now), input.type);
    if (!decision.allow) {
      // A refused write is on record too, like every read (domain.md §7).
      await this.accessLog.record([
        { ownerId: rec.ownerId, unitId: rec.unitId, caseId: rec.id, userId: user.id, role: actor.role, kind: 'write_refused', detail: input.type, purpose: null, at: now },
      ]);
      throw new ForbiddenError(decision.reason, input.type);
    }

    if (rec.anonymisedAt) {
      throw this.conflict(user, rec, now, 'the case was anonymised under the owner\'s retention rules; it takes no more commands');
    }
    if (rec.version !== input.expectedVersion) {
      throw this.conflict(user, rec, now, `the case is at version ${rec.version}, not ${input.expectedVersion}: reload it and try again`);
    }
    const machineCommand = !isBtiCommand(input.type) && !isEnforcementCommand(input.type) && !isRecordCommand(input.type);
    if (machineCommand && !commandsInState(rec.snapshot).includes(input.type as never)) {
      throw this.conflict(user, rec, now, `${input.type} is not possible while the case is ${rec.state}`);
    }
    if (isBtiCommand(input.type) && rec.state === 'closed') {
      throw this.conflict(user, rec, now, `${input.type} is not possible while the case is closed`);
    }

    const ctx: CommandContext = {
      directory: this.directory,
      today: osloDateOf(now),
      now,
      user,
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
    const committed = await this.store.commit(
      rec.id,
      input.expectedVersion,
      {
        state: next.state,
        snapshot: next.snapshot,
        bti: next.bti,
        enforcement: next.enforcement,
        legalHold: useCase.legalHold ? useCase.legalHold(rec, input.payload) : rec.legalHold,
        serious: duty.serious,
        involvedUserIds: [...involved],
        closedAt: duty.closedAt ? new Date(duty.closedAt) : null,
      },
      {
        ...writes,
        ...extra,
        events: [
          { type: input.type, actorUserId: user.id, actorRole: actor.role, at: now, payload: { ...input.payload } },
          ...writes.events,
          ...(extra.events ?? []),
        ],
      },
      now,
    );
    if (!committed) {
      const fresh = (await this.store.get(rec.id)) ?? rec;
      throw this.conflict(user, fresh, now, `the case changed meanwhile (now version ${fresh.version}): reload it and try again`);
    }
    const saved = (await this.store.get(rec.id)) as CaseRecord;
    const view = await this.views.one(user, saved, now);
    return warnings.length ? { ...view, warnings } : view;
  }

  /** The new snapshots and effects, or the rule that refused the command, in words. */
  private transition(rec: CaseRecord, event: { type: AnyCommandType } & Record<string, unknown>): Transitioned | string {
    const unchanged = { state: rec.state, snapshot: rec.snapshot, bti: rec.bti, enforcement: rec.enforcement, effects: [] };
    if (isRecordCommand(event.type)) return unchanged;
    if (isBtiCommand(event.type)) {
      const e = event as unknown as BtiEvent;
      const outcome = applyBtiCommand(rec.bti, e);
      if (!outcome) return explainBtiRefusal(rec.bti, e);
      return { ...unchanged, bti: outcome.snapshot, effects: outcome.effects };
    }
    if (isEnforcementCommand(event.type)) {
      const e = event as unknown as EnforcementEvent;
      const outcome = applyEnforcementCommand(rec.enforcement, e);
      if (!outcome) return explainEnforcementRefusal(rec.enforcement, e);
      return { ...unchanged, enforcement: outcome.snapshot, effects: outcome.effects };
    }
    const e = event as unknown as CaseEvent;
    const outcome = applyCommand(rec.snapshot, e);
    if (!outcome) return explainRefusal(rec.snapshot, e);
    return { ...unchanged, state: outcome.state, snapshot: outcome.snapshot, effects: outcome.effects };
  }

  private conflict(user: UserContext, rec: CaseRecord, now: Date, detail: string): ConflictError {
    return new ConflictError(detail, rec.state, rec.version, allowedCommandsFor(user, rec, now));
  }
}
