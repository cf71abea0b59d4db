import { Actor, CaseEvent, OpenCaseInput, PlanInput, Regime } from '../src';

export const AT = '2027-03-01T09:30:00+01:00';
export const principal: Actor = { userId: 'u-rektor', role: 'principal', involved: true };
export const owner: Actor = { userId: 'u-kommune', role: 'owner', involved: true };
export const involvedStaff: Actor = { userId: 'u-larer', role: 'staff', involved: true };
export const otherStaff: Actor = { userId: 'u-other', role: 'staff', involved: false };
export const auditor: Actor = { userId: 'u-revisor', role: 'auditor', involved: false };

export function openInput(over: Partial<OpenCaseInput> = {}, regime: Regime = 'school'): OpenCaseInput {
  return {
    regime,
    childIds: ['c1'],
    childSaysUnsafe: false,
    staffOffender: false,
    offenderIsLeadership: false,
    at: AT,
    ...over,
  };
}

export const completePlan: PlanInput = {
  problem: 'Eva is excluded from play in breaks',
  evaluateAt: '2027-03-20',
  measures: [
    {
      id: 'm1',
      description: 'Adult present in breaks',
      ffss: 'stoppe',
      when: 'daily in breaks from 2027-03-03',
      responsibleUserId: 'u-larer',
      evaluateAt: '2027-03-15',
    },
  ],
  childParticipation: 'Eva talked with her contact teacher',
  parentsInvolved: 'Meeting with parents 2 March',
};

type Payload<T extends CaseEvent['type']> = Omit<Extract<CaseEvent, { type: T }>, 'type' | 'actor' | 'at'>;

export function ev<T extends CaseEvent['type']>(type: T, actor: Actor, payload?: Payload<T>, at = AT): CaseEvent {
  return { type, actor, at, ...(payload ?? {}) } as CaseEvent;
}
