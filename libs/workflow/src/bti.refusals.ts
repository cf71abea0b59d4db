import { BtiGuard, targetLevel, servicesWithoutConsent } from './bti.machine';
import { BtiContext, BtiEvent, BtiState } from './bti.types';
import { Refusal } from './machine-driver';

/** What each BTI guard tells the person refused (docs/domain.md §4). A guard without a sentence does not compile. */
export const BTI_REFUSALS: Record<BtiGuard, Refusal<BtiContext, BtiEvent>> = {
  actorLeadsCase: (_c, e) => `${e.type} is for whoever leads the case`,
  actorIsCoordinator: (_c, e) => `${e.type} is for the BTI coordinator (stafettholder) and whoever leads the case`,
  actorIsAssignedCoordinator: () => 'only the person assigned as coordinator (stafettholder) can accept',
  decidesClose: null,
  coordinatorAssigned: () => 'BTI level 2 and 3 need a coordinator (stafettholder): ASSIGN_COORDINATOR first',
  consentForEachService: (c, e) =>
    `no valid consent for ${servicesWithoutConsent(c, e).join(', ')} (RECORD_CONSENT first; a report to barnevern needs none)`,
  levelUp: (c) => `escalating goes to a higher level; the case is at BTI level ${c.level}`,
  levelDown: (c) => `de-escalating goes to a lower level, at least 1; the case is at BTI level ${c.level}`,
  evaluationChangesLevel: (c, e) =>
    `changing level needs a level other than the current one (toLevel ${targetLevel(e) ?? 'missing'}; the case is at BTI level ${c.level})`,
  evaluationContinues: null,
  evaluationCloses: null,
  consentOnRecord: (_c, e) => `there is no given consent for ${'service' in e ? e.service : 'the service'} to withdraw`,
  hasExpiry: null,
  pptMayTakePart: (_c, e) =>
    e.type === 'REQUEST_PPT'
      ? 'naming the child to PPT needs valid consent for ppt (RECORD_CONSENT), or ask anonymously'
      : 'PPT may advise only in a case it was asked into, while its consent (or anonymous mode) holds',
  pptNotYetRequested: () => 'PPT has already been asked into this case',
  actorIsPpt: () => 'PPT_ADVICE is for the PPT service',
};

/** When the BTI state has no transition for the command at all. */
export function btiNotInState(e: BtiEvent, state: BtiState): string {
  if (state === 'closed') return `${e.type} is not possible: BTI is closed for this case`;
  if (e.type === 'BTI_DECIDE') return `BTI_DECIDE ends level 0; the case is at BTI ${state}`;
  if (state === 'level0') return `${e.type} needs a BTI level decided first (BTI_DECIDE)`;
  return `${e.type} is not possible at BTI ${state}`;
}
