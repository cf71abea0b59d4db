import {
  Actor,
  BtiCommandType,
  btiCommandsAcceptedNow,
  commandsAcceptedNow,
  CommandType,
  EnforcementCommandType,
  enforcementCommandsAcceptedNow,
  pptHasAccess,
} from '../../workflow/src';
import { CaseFacts, isInvolved, mayRunCommand, roleInCase } from './authorization.policy';
import { NotFoundError } from './errors';
import { CaseRecord, CaseStore, UserContext } from './ports';
import { RecordCommandType } from './commands/record-commands';

/** Bridges stored cases to the authorisation policy and the machine's actor. */
export function factsOf(rec: CaseRecord, now: Date): CaseFacts {
  return {
    ownerId: rec.ownerId,
    unitId: rec.unitId,
    handledBy: rec.handledBy,
    openedBy: rec.openedBy,
    involvedUserIds: rec.involvedUserIds,
    measureResponsibles: rec.snapshot.context.plan?.measures.map((m) => m.responsibleUserId) ?? [],
    btiCoordinator: rec.bti.context.coordinator,
    btiPendingCoordinator: rec.bti.context.pendingCoordinator,
    pptAccess: pptHasAccess(rec.bti.context, now.toISOString()),
  };
}

export function actorFor(user: UserContext, rec: CaseRecord, now: Date): Actor | undefined {
  const facts = factsOf(rec, now);
  const role = roleInCase(user, facts);
  if (!role) return undefined;
  return { userId: user.id, role, involved: isInvolved(user, facts) };
}

/** What the machines accept now ∩ what the policy lets this user do. */
export function allowedCommandsFor(
  user: UserContext,
  rec: CaseRecord,
  now: Date,
): Array<CommandType | BtiCommandType | EnforcementCommandType | RecordCommandType> {
  const actor = actorFor(user, rec, now);
  if (!actor || rec.anonymisedAt) return [];
  const facts = factsOf(rec, now);
  const at = now.toISOString();
  // BTI runs alongside the duty to act while the case is open; Statsforvalteren may come after it closed.
  const bti = rec.state === 'closed' ? [] : btiCommandsAcceptedNow(rec.bti, actor, at);
  const record: RecordCommandType[] = ['CORRECT_ENTRY', rec.legalHold ? 'RELEASE_LEGAL_HOLD' : 'PLACE_LEGAL_HOLD'];
  return [
    ...commandsAcceptedNow(rec.snapshot, actor, at),
    ...bti,
    ...enforcementCommandsAcceptedNow(rec.enforcement, actor, at),
    ...record,
  ].filter((t) => mayRunCommand(user, facts, t).allow);
}

/** Loads a case the user may see; anything else is "not found" (never revealing it exists). */
export async function loadVisibleCase(store: CaseStore, user: UserContext, caseId: string, now: Date): Promise<CaseRecord> {
  const rec = await store.get(caseId);
  if (!rec || !actorFor(user, rec, now)) throw new NotFoundError('case not found');
  return rec;
}
