import { DEFAULT_DEADLINE_POLICY, openBti, openCase, openEnforcement, SchoolCalendar } from '../../workflow/src';
import { ConflictError, ForbiddenError, InvalidInputError, NotFoundError } from '../src/errors';
import { CaseViews } from '../src/case-views';
import { OmniInsight } from '../src/omni-insight';
import { AccessEntry, AccessLog, CaseRecord, CaseStore, Directory, PolicyProvider, UserContext } from '../src/ports';
import { RunCaseCommand } from '../src/run-case-command.usecase';

/**
 * The command pipeline's order against in-memory ports: a case you may not see is 404 (nothing
 * logged), a command you may not send is 403 (logged), a stale version or a state that cannot
 * take it is 409, a payload that does not fit the case is 422, and only then is anything written.
 */
const OWNER = 'owner-1';
const UNIT = 'unit-1';
const AT = new Date('2027-03-01T09:00:00+01:00');
const grant = (role: UserContext['roles'][number]['role'], unitId: string | null = UNIT) => ({ role, ownerId: OWNER, unitId });
const user = (id: string, roles: UserContext['roles']): UserContext => ({ id, username: id, displayName: id, ownerId: OWNER, roles });
const rektor = user('rektor', [grant('principal')]);
const larer = user('larer', [grant('staff')]);
const stranger = user('stranger', [grant('staff', 'unit-2')]);

function caseRecord(): CaseRecord {
  const opened = openCase({
    regime: 'school',
    childIds: ['eva'],
    childSaysUnsafe: false,
    staffOffender: false,
    offenderIsLeadership: false,
    at: AT.toISOString(),
  });
  return {
    id: 'case-1',
    ownerId: OWNER,
    unitId: UNIT,
    groupId: null,
    regime: 'school',
    state: opened.state,
    version: 1,
    snapshot: opened.snapshot,
    bti: openBti('principal').snapshot,
    enforcement: openEnforcement('school', 'principal'),
    legalHold: null,
    anonymisedAt: null,
    handledBy: 'principal',
    serious: false,
    childIds: ['eva'],
    involvedUserIds: ['larer'],
    openedBy: 'larer',
    source: 'staff_observation',
    concern: 'pushed away in the breaks',
    occurredAt: null,
    openedAt: AT,
    closedAt: null,
    caseNumber: '2027/1',
    depositedAt: null,
  };
}

function pipeline() {
  const rec = caseRecord();
  const commits: unknown[] = [];
  const logged: AccessEntry[] = [];
  const store = {
    get: async (id: string) => (id === rec.id ? rec : undefined),
    commit: async (...args: unknown[]) => (commits.push(args), {}),
    events: async () => [],
    deadlines: async () => [],
    deadlinesOf: async () => new Map(),
  } as unknown as CaseStore;
  const directory = {
    unit: async () => ({ id: UNIT, ownerId: OWNER, name: 'Skolen', kind: 'school' }),
    leaderOf: async () => 'rektor',
    ownerUsers: async () => [],
    pptUsers: async () => [],
    groups: async () => [],
    existingUserIds: async (_o: string, ids: string[]) => ids,
    userNames: async () => new Map(),
    children: async () => [],
  } as unknown as Directory;
  const policies: PolicyProvider = {
    policyFor: async () => DEFAULT_DEADLINE_POLICY,
    calendarFor: async () => new SchoolCalendar(),
  } as unknown as PolicyProvider;
  const accessLog: AccessLog = { record: async (entries: AccessEntry[]) => void logged.push(...entries) } as unknown as AccessLog;
  const omni = { staircaseStep: async () => null, guidance: async () => ({}) } as unknown as OmniInsight;
  const views = { one: async (_u: UserContext, r: CaseRecord) => ({ id: r.id }) } as unknown as CaseViews;
  // Unit tests need no I/O: a journalled document renders to its title.
  const renderer = { render: async (d: { title: string }) => Buffer.from(d.title) };
  const run = new RunCaseCommand(store, directory, policies, { now: () => AT }, views, omni, accessLog, renderer);
  return { run, commits, logged };
}

const voiceOf = (childId: string) => ({ childId, heardAt: AT.toISOString(), heardBy: 'larer', summary: 'I am alone in the breaks' });

describe('the command pipeline, in order', () => {
  it('404 first: an unknown case and a case you may not see answer alike, and nothing is logged', async () => {
    const { run, logged, commits } = pipeline();
    await expect(run.execute(rektor, { caseId: 'nope', type: 'ACKNOWLEDGE', expectedVersion: 1, payload: {} })).rejects.toBeInstanceOf(
      NotFoundError,
    );
    await expect(run.execute(stranger, { caseId: 'case-1', type: 'ACKNOWLEDGE', expectedVersion: 9, payload: {} })).rejects.toBeInstanceOf(
      NotFoundError,
    );
    expect(logged).toEqual([]);
    expect(commits).toEqual([]);
  });

  it('403 next, on the record, before the version or the payload is looked at', async () => {
    const { run, logged, commits } = pipeline();
    await expect(run.execute(larer, { caseId: 'case-1', type: 'ACKNOWLEDGE', expectedVersion: 9, payload: {} })).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    expect(logged).toEqual([expect.objectContaining({ caseId: 'case-1', userId: 'larer', kind: 'write_refused', detail: 'ACKNOWLEDGE' })]);
    expect(commits).toEqual([]);
  });

  it('409 before 422: a stale version, or a state that cannot take the command, with the payload still wrong', async () => {
    const { run, commits } = pipeline();
    const stale = run.execute(larer, { caseId: 'case-1', type: 'RECORD_CHILD_VOICE', expectedVersion: 2, payload: voiceOf('not-in-case') });
    await expect(stale).rejects.toBeInstanceOf(ConflictError);
    await expect(stale).rejects.toMatchObject({ message: expect.stringMatching(/version 1, not 2/) });
    const wrongState = run.execute(rektor, { caseId: 'case-1', type: 'APPROVE_PLAN', expectedVersion: 1, payload: {} });
    await expect(wrongState).rejects.toMatchObject({ message: 'APPROVE_PLAN is not possible while the case is reported' });
    expect(commits).toEqual([]);
  });

  it('422 last, naming the field; then the machine decides and one commit writes', async () => {
    const { run, commits } = pipeline();
    await expect(
      run.execute(larer, { caseId: 'case-1', type: 'RECORD_CHILD_VOICE', expectedVersion: 1, payload: voiceOf('not-in-case') }),
    ).rejects.toMatchObject({
      constructor: InvalidInputError,
      errors: [{ field: 'childId', message: 'must be one of the children in this case' }],
    });
    expect(commits).toEqual([]);
    await run.execute(larer, { caseId: 'case-1', type: 'RECORD_CHILD_VOICE', expectedVersion: 1, payload: voiceOf('eva') });
    expect(commits).toHaveLength(1);
  });
});
