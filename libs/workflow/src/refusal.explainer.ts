import { CaseEvent } from './duty-to-act.types';
import { PersistedCase, caseStateOf } from './duty-to-act.driver';
import { REGIME_LAW } from './regime';

/**
 * Says in words why the machine refused a command a user was allowed to try, so a 409 tells a
 * principal what the law requires instead of just "no".
 */
export function explainRefusal(persisted: PersistedCase, event: CaseEvent): string {
  const ctx = persisted.context;
  const law = REGIME_LAW[ctx.regime].dutyToAct;
  const state = caseStateOf(persisted);
  const concludingSafe =
    (event.type === 'CONCLUDE_INVESTIGATION' && event.outcome === 'safe') || (event.type === 'CLOSE' && state === 'investigating');
  if (concludingSafe) {
    if (ctx.childSaysUnsafe) {
      return `the child has said the environment is not safe and good (childSaysUnsafe); the child's own experience decides (${law}), so the case cannot be concluded safe: conclude not_safe and put in measures with a written plan`;
    }
    const missing = ctx.childIds.filter((id) => !ctx.childVoices.some((v) => v.childId === id));
    if (missing.length) {
      return `no child's voice is on record for ${missing.join(', ')}: record what the child says (RECORD_CHILD_VOICE), or why the child was not heard (notHeardReason), before concluding the case safe`;
    }
  }
  if (event.type === 'MARK_SERIOUS' && ctx.serious) {
    return 'the case is already marked serious and the owner has been notified';
  }
  return `${event.type} is not possible while the case is ${state}`;
}
