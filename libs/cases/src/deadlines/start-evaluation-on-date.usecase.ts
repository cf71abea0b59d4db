import { applyCommand, CaseEvent, SYSTEM_ACTOR } from '../../../workflow/src';
import { planEffects } from '../effect.planner';
import { CaseStore, Directory, PolicyProvider } from '../ports';

/**
 * The plan's evaluation date has come: Trygg sends START_EVALUATION itself, so the case moves
 * to `evaluating` and the leader is asked to evaluate. The history records Trygg as the actor.
 * Does nothing when the case is no longer active (someone already started, or it closed).
 */
export class StartEvaluationOnDate {
  constructor(
    private readonly store: CaseStore,
    private readonly directory: Directory,
    private readonly policies: PolicyProvider,
  ) {}

  async execute(caseId: string, now: Date): Promise<boolean> {
    // A person may be writing to the case at the same moment; their command wins and we look again.
    for (let attempt = 0; attempt < 5; attempt++) {
      const rec = await this.store.get(caseId);
      if (!rec || rec.state !== 'active') return false;
      const event: CaseEvent = { type: 'START_EVALUATION', actor: SYSTEM_ACTOR, at: now.toISOString() };
      const outcome = applyCommand(rec.snapshot, event);
      if (!outcome) return false;
      const unit = await this.directory.unit(rec.unitId);
      if (!unit) return false;
      const writes = await planEffects(outcome.effects, { caseId, unit, handledBy: rec.handledBy }, now, {
        directory: this.directory,
        policies: this.policies,
      });
      const ctx = outcome.snapshot.context;
      const committed = await this.store.commit(
        rec.id,
        rec.version,
        {
          state: outcome.state,
          snapshot: outcome.snapshot,
          bti: rec.bti,
          enforcement: rec.enforcement,
          legalHold: rec.legalHold,
          serious: ctx.serious,
          involvedUserIds: rec.involvedUserIds,
          closedAt: null,
        },
        {
          ...writes,
          events: [
            {
              type: 'START_EVALUATION',
              actorUserId: null,
              actorRole: 'system',
              at: now,
              payload: { reason: 'evaluation_date_reached', evaluationDate: rec.snapshot.context.nextEvaluationAt },
            },
            ...writes.events,
          ],
        },
        now,
      );
      if (committed) return true;
    }
    throw new Error(`case ${caseId} kept changing; the evaluation start will be retried`);
  }
}
