import { Clock } from '../../libs/cases/src/ports';
import { TestApp as AnyClockApp, units, children, user } from './test-app';

type TestApp = AnyClockApp<Clock>;

export const EVA = children.find((c) => c.name === 'Eva Nordmann')!.id;
export const OLA = children.find((c) => c.name === 'Ola Hansen')!.id;
export const EMMA = children.find((c) => c.name === 'Emma Lie')!.id;
export const JONAS = children.find((c) => c.name === 'Jonas Moe')!.id;

export const ids = {
  larer: user('larer').id,
  rektor: user('rektor').id,
  ansatt: user('ansatt').id,
  styrer: user('styrer').id,
  kommune: user('kommune').id,
};

export function schoolConcern(over: Record<string, unknown> = {}) {
  return {
    unitId: units.demoSkole.id,
    childIds: [EVA],
    concern: 'Eva says the others push her away in the breaks and call her names.',
    source: 'child_told',
    childSaysUnsafe: true,
    occurredAt: '2027-03-01T09:00:00+01:00',
    ...over,
  };
}

export function planFor(responsibleUserId: string, over: Record<string, unknown> = {}) {
  return {
    problem: 'Eva is excluded and called names in the breaks',
    evaluateAt: '2027-03-19',
    measures: [
      {
        id: 'm1',
        description: 'An adult is present where Eva plays in every break',
        ffss: 'stoppe',
        when: 'daily in breaks from 2027-03-03',
        responsibleUserId,
        evaluateAt: '2027-03-12',
      },
      {
        id: 'm2',
        description: 'Class talks on inclusion',
        ffss: 'fremme',
        when: 'weekly in class hour',
        responsibleUserId,
        evaluateAt: '2027-03-19',
      },
    ],
    childParticipation: 'Eva proposed where the adult should stand',
    parentsInvolved: 'Meeting with the parents on 2 March',
    ...over,
  };
}

/** Sends a command and expects it to succeed; returns the case. */
export async function ok(
  t: TestApp,
  username: string,
  caseId: string,
  type: string,
  version: number,
  payload: Record<string, unknown> = {},
) {
  const res = await t.as(username).command(caseId, type, version, payload);
  if (res.status !== 200) throw new Error(`${type} by ${username}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

export async function open(t: TestApp, username: string, body: Record<string, unknown>) {
  const res = await t.as(username).post('/api/cases', body);
  if (res.status !== 201) throw new Error(`open by ${username}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

export interface DeadlineJson {
  id: string;
  kind: string;
  ref: string | null;
  status: string;
  dueAt: string;
  responsibleUserId: string | null;
  reminderAt: string | null;
  escalation: { toPrincipalAt: string | null; toOwnerAt: string | null; escalatedTo: string[] };
}

export function deadline(c: { deadlines: DeadlineJson[] }, kind: string, ref: string | null = null): DeadlineJson[] {
  return c.deadlines.filter((d) => d.kind === kind && d.ref === ref);
}

/**
 * Takes an open school case from `reported` to `active` with the given plan: acknowledged, the child
 * heard, concluded not safe, plan submitted by the teacher and approved by the principal.
 */
export async function toActive(t: TestApp, caseId: string, plan: Record<string, unknown>, heardAt: string) {
  await ok(t, 'rektor', caseId, 'ACKNOWLEDGE', 1);
  await ok(t, 'larer', caseId, 'RECORD_CHILD_VOICE', 2, {
    childId: EVA,
    heardAt,
    heardBy: 'Lærer Larsen',
    summary: 'Eva is afraid in the breaks',
  });
  await ok(t, 'rektor', caseId, 'CONCLUDE_INVESTIGATION', 3, { outcome: 'not_safe', summary: 's', bestInterest: 'b' });
  await ok(t, 'larer', caseId, 'SUBMIT_PLAN', 4, { plan });
  return ok(t, 'rektor', caseId, 'APPROVE_PLAN', 5);
}

/** planFor with the plan and every measure evaluated on one date. */
export function planEvaluatedOn(responsibleUserId: string, date: string) {
  const plan = planFor(responsibleUserId, { evaluateAt: date });
  return { ...plan, measures: plan.measures.map((m) => ({ ...m, evaluateAt: date })) };
}
