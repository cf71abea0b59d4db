import { EnforcementGuard } from './enforcement.machine';
import { EnforcementContext, EnforcementEvent, EnforcementState, ONE_WEEK_MS } from './enforcement.types';
import { Refusal } from './machine-driver';
import { toOsloIso } from './oslo-time';

const osloTime = (iso: string | null) => toOsloIso(new Date(iso as string));

/** What each enforcement guard tells the person refused, naming the rule and the law (opplæringslova §12-6). */
export const ENFORCEMENT_REFUSALS: Record<EnforcementGuard, Refusal<EnforcementContext, EnforcementEvent>> = {
  schoolRegime: () =>
    "Statsforvalteren's enforcement (opplæringslova §12-6) applies to schools only; barnehageloven has no complaint route to Statsforvalteren in individual cases",
  actorAnswersForCase: (_c, e) => `${e.type} is recorded by whoever leads the case or by the owner`,
  whenNotInFuture: (_c, e) => `${e.type} records something that has happened; 'at' cannot be later than now`,
  oneWeekSinceRaised: (c) =>
    'a case can be reported to Statsforvalteren one week after it was raised with the rektor (opplæringslova §12-6 second paragraph), ' +
    `here from ${toOsloIso(new Date(new Date(c.raisedAt as string).getTime() + ONE_WEEK_MS))}; ` +
    'Statsforvalteren may waive this for special grounds (særlege grunnar): give specialGrounds to record them',
  // Only reached beside oneWeekSinceRaised, which explains both.
  specialGroundsGiven: null,
  reportedNotBeforeRaised: () => 'the report cannot come before the case was raised with the rektor',
  decisionRequiresAction: () =>
    'a decision with requirements needs a valid deadline date (YYYY-MM-DD); a decision finding the duty met has no requirements and no deadline',
  decisionFindsDutyMet: null,
};

/** When the enforcement state has no transition for the command at all. */
export function enforcementNotInState(e: EnforcementEvent, state: EnforcementState, c: EnforcementContext): string {
  if (c.regime !== 'school') return `schoolRegime: ${ENFORCEMENT_REFUSALS.schoolRegime!(c, e)}`;
  switch (e.type) {
    case 'RAISED_WITH_PRINCIPAL':
      return `the case was already raised with the rektor on ${osloTime(c.raisedAt)}`;
    case 'REPORTED_TO_STATSFORVALTEREN':
      return state === 'not_raised'
        ? 'raisedWithPrincipal: a case can be reported to Statsforvalteren only after it has been raised with the rektor personally (opplæringslova §12-6): record RAISED_WITH_PRINCIPAL first'
        : `the case has already been reported to Statsforvalteren (${osloTime(c.reportedAt)})`;
    case 'SF_DECISION':
      return 'SF_DECISION needs the case reported to Statsforvalteren first (REPORTED_TO_STATSFORVALTEREN)';
    case 'SF_COMPLIANCE':
      return `SF_COMPLIANCE needs a decision from Statsforvalteren to comply with; enforcement is ${state}`;
  }
}
