import { COMMAND_TYPES, CommandType, Role } from '../../workflow/src';
import { CaseFacts, canSeeCase, isReadOnlyUser, mayRunCommand, mayOpenCase, UserContext } from '../src';

/**
 * The authorisation table: every command × every role × own unit / other unit, for cases the
 * principal handles and cases the owner handles (leadership offence).
 */
const OWNER = 'owner-1';
const OTHER_OWNER = 'owner-2';
const UNIT = 'unit-a';
const OTHER_UNIT = 'unit-b';

function userWith(role: Role, where: 'own' | 'other', involved = true): UserContext {
  const unitRole = role === 'staff' || role === 'principal';
  const id = `${role}-${where}-${involved ? 'inv' : 'not'}`;
  return {
    id,
    username: id,
    displayName: id,
    ownerId: OWNER,
    roles: [
      {
        role,
        ownerId: where === 'own' || unitRole ? OWNER : OTHER_OWNER,
        unitId: unitRole ? (where === 'own' ? UNIT : OTHER_UNIT) : null,
      },
    ],
  };
}

function caseOf(handledBy: 'principal' | 'owner', involvedUser: string): CaseFacts {
  return { ownerId: OWNER, unitId: UNIT, handledBy, openedBy: 'someone', involvedUserIds: [involvedUser], measureResponsibles: [] };
}

const LEADER: CommandType[] = [
  'ACKNOWLEDGE',
  'MARK_SERIOUS',
  'CONCLUDE_INVESTIGATION',
  'APPROVE_PLAN',
  'RETURN_PLAN',
  'EVALUATE',
  'CLOSE',
  'REOPEN',
];
const PARTICIPANT: CommandType[] = ['ADD_NOTE', 'RECORD_CHILD_VOICE', 'SUBMIT_PLAN', 'START_EVALUATION', 'ASSESS_STAIRCASE'];

type Expect = 'allow' | 'deny' | 'hidden';

function expected(role: Role, where: 'own' | 'other', handledBy: 'principal' | 'owner', command: CommandType): Expect {
  if (where === 'other') return 'hidden';
  if (role === 'ppt') return 'hidden';
  if (handledBy === 'owner' && role === 'principal') return 'hidden';
  if (role === 'auditor') return 'deny';
  const leader = handledBy === 'owner' ? role === 'owner' : role === 'principal';
  if (leader) return 'allow';
  if (role === 'staff' && PARTICIPANT.includes(command)) return 'allow';
  return 'deny';
}

const rows: Array<[Role, 'own' | 'other', 'principal' | 'owner', CommandType, Expect]> = [];
for (const role of ['staff', 'principal', 'owner', 'ppt', 'auditor'] as Role[]) {
  for (const where of ['own', 'other'] as const) {
    for (const handledBy of ['principal', 'owner'] as const) {
      for (const command of COMMAND_TYPES) rows.push([role, where, handledBy, command, expected(role, where, handledBy, command)]);
    }
  }
}

/** Issue 5: Statsforvalteren's commands, corrections and legal holds, by the same table. */
const ISSUE5 = [
  'RAISED_WITH_PRINCIPAL',
  'REPORTED_TO_STATSFORVALTEREN',
  'SF_DECISION',
  'SF_COMPLIANCE',
  'CORRECT_ENTRY',
  'PLACE_LEGAL_HOLD',
  'RELEASE_LEGAL_HOLD',
] as const;
type Issue5Command = (typeof ISSUE5)[number];

function expectedIssue5(role: Role, where: 'own' | 'other', handledBy: 'principal' | 'owner', command: Issue5Command): Expect {
  if (where === 'other' || role === 'ppt' || (handledBy === 'owner' && role === 'principal')) return 'hidden';
  if (role === 'auditor') return 'deny';
  const leader = handledBy === 'owner' ? role === 'owner' : role === 'principal';
  switch (command) {
    case 'RAISED_WITH_PRINCIPAL':
      return leader ? 'allow' : 'deny';
    case 'REPORTED_TO_STATSFORVALTEREN':
    case 'SF_DECISION':
    case 'SF_COMPLIANCE':
      return leader || role === 'owner' ? 'allow' : 'deny';
    case 'PLACE_LEGAL_HOLD':
    case 'RELEASE_LEGAL_HOLD':
      return role === 'owner' ? 'allow' : 'deny';
    case 'CORRECT_ENTRY':
      return leader || role === 'staff' ? 'allow' : 'deny';
  }
}

const issue5Rows: Array<[Role, 'own' | 'other', 'principal' | 'owner', Issue5Command, Expect]> = [];
for (const role of ['staff', 'principal', 'owner', 'ppt', 'auditor'] as Role[]) {
  for (const where of ['own', 'other'] as const) {
    for (const handledBy of ['principal', 'owner'] as const) {
      for (const command of ISSUE5) issue5Rows.push([role, where, handledBy, command, expectedIssue5(role, where, handledBy, command)]);
    }
  }
}

describe('authorisation table: Statsforvalteren, corrections, legal hold', () => {
  it.each(issue5Rows)('%s of %s unit, case handled by %s: %s -> %s', (role, where, handledBy, command, expect_) => {
    const user = userWith(role, where);
    const facts = caseOf(handledBy, user.id);
    const decision = mayRunCommand(user, facts, command);
    expect(decision.allow).toBe(expect_ === 'allow');
    if (expect_ === 'hidden') expect(canSeeCase(user, facts)).toBe(false);
  });

  it('a user who only audits is read-only everywhere', () => {
    expect(isReadOnlyUser(userWith('auditor', 'own'))).toBe(true);
    expect(
      isReadOnlyUser({ ...userWith('auditor', 'own'), roles: [...userWith('auditor', 'own').roles, ...userWith('owner', 'own').roles] }),
    ).toBe(false);
    expect(isReadOnlyUser(userWith('principal', 'own'))).toBe(false);
  });
});

describe('authorisation table', () => {
  it('covers every command × role × unit × handler', () => {
    expect(rows).toHaveLength(COMMAND_TYPES.length * 5 * 2 * 2);
    expect(LEADER.length + PARTICIPANT.length + 1).toBe(COMMAND_TYPES.length);
  });

  it.each(rows)('%s of %s unit, case handled by %s: %s -> %s', (role, where, handledBy, command, expect_) => {
    const user = userWith(role, where);
    const facts = caseOf(handledBy, user.id);
    if (expect_ === 'hidden') {
      expect(canSeeCase(user, facts)).toBe(false);
      expect(mayRunCommand(user, facts, command).allow).toBe(false);
      return;
    }
    expect(canSeeCase(user, facts)).toBe(true);
    const decision = mayRunCommand(user, facts, command);
    expect(decision.allow).toBe(expect_ === 'allow');
    if (!decision.allow) expect(decision.reason).toMatch(/\w/);
  });

  it('staff see only cases they opened or are involved in', () => {
    const staff = userWith('staff', 'own', false);
    expect(canSeeCase(staff, caseOf('principal', 'somebody-else'))).toBe(false);
    expect(canSeeCase(staff, { ...caseOf('principal', 'x'), openedBy: staff.id })).toBe(true);
  });

  it('the person responsible for a measure may record it, others may not', () => {
    const staff = userWith('staff', 'own');
    const facts = { ...caseOf('principal', staff.id), measureResponsibles: [staff.id] };
    expect(mayRunCommand(staff, facts, 'RECORD_MEASURE').allow).toBe(true);
    expect(mayRunCommand(staff, { ...facts, measureResponsibles: [] }, 'RECORD_MEASURE').allow).toBe(false);
  });

  it('who may open a concern in a unit', () => {
    const unit = { id: UNIT, ownerId: OWNER };
    expect(mayOpenCase(userWith('staff', 'own'), unit).allow).toBe(true);
    expect(mayOpenCase(userWith('principal', 'own'), unit).allow).toBe(true);
    expect(mayOpenCase(userWith('owner', 'own'), unit).allow).toBe(true);
    expect(mayOpenCase(userWith('staff', 'other'), unit).allow).toBe(false);
    expect(mayOpenCase(userWith('auditor', 'own'), unit).allow).toBe(false);
    expect(mayOpenCase(userWith('ppt', 'own'), unit).allow).toBe(false);
  });
});
