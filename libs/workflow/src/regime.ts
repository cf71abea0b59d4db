/**
 * The two legal regimes (docs/domain.md §1). Everything that differs between school and
 * kindergarten law is looked up here, so the machine itself stays regime-neutral.
 */
export type Regime = 'school' | 'kindergarten';
export const REGIMES: readonly Regime[] = ['school', 'kindergarten'];

export interface RegimeLaw {
  /** The duty to act for offences between children and in general. */
  dutyToAct: string;
  /** The sharpened duty when someone working there offends a child. */
  staffOffence: string;
  headOfUnit: string;
  child: string;
}

export const REGIME_LAW: Record<Regime, RegimeLaw> = {
  school: {
    dutyToAct: 'opplæringslova §12-4',
    staffOffence: 'opplæringslova §12-5',
    headOfUnit: 'rektor',
    child: 'elev',
  },
  kindergarten: {
    dutyToAct: 'barnehageloven §42',
    staffOffence: 'barnehageloven §43',
    headOfUnit: 'styrer',
    child: 'barn',
  },
};

/** The legal basis a case is handled under: the duty to act, plus the sharpened duty for staff offences. */
export function legalBasisFor(regime: Regime, staffOffender: boolean): string[] {
  const law = REGIME_LAW[regime];
  return staffOffender ? [law.dutyToAct, law.staffOffence] : [law.dutyToAct];
}
