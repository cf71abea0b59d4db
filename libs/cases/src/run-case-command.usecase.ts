import { applyCommand, CaseEvent, commandsInState, CommandType, explainRefusal, osloDateOf, PlanWarning } from '../../workflow/src';
import { actorFor, allowedCommandsFor, factsOf, loadVisibleCase } from './case-access';
import { CaseViews } from './case-views';
import { OmniInsight } from './omni-insight';
import { CommandContext } from './commands';
import { mayRunCommand } from './authorization.policy';
import { CaseView } from './case-view';
import { COMMAND_USE_CASES, MachinePayload } from './commands';
import { planEffects } from './effect.planner';
import { ConflictError, ForbiddenError, InvalidInputError, NotFoundError } from './errors';
import { CaseRecord, CaseStore, Clock, Directory, PolicyProvider, UserContext } from './ports';

export interface CaseCommandInput<T extends CommandType = CommandType> {
  caseId: string;
  type: T;
  expectedVersion: number;
  payload: MachinePayload<T>;
}

/**
 * Runs one command on one case: load, authorise, check, transition, and persist the snapshot,
 * events and deadlines in ONE transaction guarded by the expected version.
 */
export class RunCaseCommand {
  constructor(
    private readonly store: CaseStore,
    private readonly directory: Directory,
    private readonly policies: PolicyProvider,
    private readonly clock: Clock,
    private readonly views: CaseViews,
    private readonly omni: OmniInsight,
  ) {}

  async execute<T extends CommandType>(user: UserContext, input: CaseCommandInput<T>): Promise<CaseView & { warnings?: PlanWarning[] }> {
    const useCase = COMMAND_USE_CASES[input.type];
    const rec = await loadVisibleCase(this.store, user, input.caseId);
    const actor = actorFor(user, rec)!;

    const decision = mayRunCommand(user, factsOf(rec), input.type);
    if (!decision.allow) throw new ForbiddenError(decision.reason, input.type);

    const now = this.clock.now();
    if (rec.version !== input.expectedVersion) {
      throw this.conflict(user, rec, now, `the case is at version ${rec.version}, not ${input.expectedVersion}: reload it and try again`);
    }
    if (!commandsInState(rec.snapshot).includes(input.type)) {
      throw this.conflict(user, rec, now, `${input.type} is not possible while the case is ${rec.state}`);
    }

    const ctx: CommandContext = {
      directory: this.directory,
      today: osloDateOf(now),
      now,
      user,
      staircaseStep: (r) => this.omni.staircaseStep(r),
      guidance: (ownerId) => this.omni.guidance(ownerId),
    };
    const errors = (await useCase.check?.(rec, input.payload, ctx)) ?? [];
    if (errors.length) throw new InvalidInputError(errors);

    const event = { ...input.payload, type: input.type, actor, at: now.toISOString() } as CaseEvent;
    const outcome = applyCommand(rec.snapshot, event);
    if (!outcome) throw this.conflict(user, rec, now, explainRefusal(rec.snapshot, event));

    const unit = await this.directory.unit(rec.unitId);
    if (!unit) throw new NotFoundError('unit not found');
    const writes = await planEffects(outcome.effects, { caseId: rec.id, unit, handledBy: rec.handledBy }, now, {
      directory: this.directory,
      policies: this.policies,
    });
    const involved = new Set(rec.involvedUserIds);
    if (actor.role === 'staff') involved.add(user.id);
    for (const id of useCase.involves?.(input.payload) ?? []) involved.add(id);

    const ctx2 = outcome.snapshot.context;
    const extra = useCase.writes?.(rec, input.payload, ctx) ?? {};
    const warnings = (await useCase.warnings?.(rec, input.payload, ctx)) ?? [];
    const committed = await this.store.commit(
      rec.id,
      input.expectedVersion,
      {
        state: outcome.state,
        snapshot: outcome.snapshot,
        serious: ctx2.serious,
        involvedUserIds: [...involved],
        closedAt: ctx2.closedAt ? new Date(ctx2.closedAt) : null,
      },
      {
        ...writes,
        ...extra,
        events: [{ type: input.type, actorUserId: user.id, actorRole: actor.role, at: now, payload: { ...input.payload } }, ...writes.events],
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

  private conflict(user: UserContext, rec: CaseRecord, now: Date, detail: string): ConflictError {
    return new ConflictError(detail, rec.state, rec.version, allowedCommandsFor(user, rec, now));
  }
}
