import {
  ChainRow,
  ERASED,
  erasedContent,
  eventHash,
  mergePersonal,
  redactPersonal,
  sealEvents,
  splitPersonal,
  verifyChain,
} from '../src/history';

const AT = new Date('2027-03-01T08:30:00.000Z');
const CASE = '11111111-1111-4111-8111-111111111111';

const plan = {
  plan: {
    problem: 'Ola Hansen is called names',
    evaluateAt: '2027-03-20',
    measures: [
      { id: 'm1', description: 'Adult in breaks', ffss: 'stoppe', when: 'daily', responsibleUserId: 'u1', evaluateAt: '2027-03-12' },
    ],
  },
};

function rows(
  events = [
    { type: 'CASE_OPENED', payload: { concern: 'Ola Hansen cries', childIds: ['c1'], source: 'child_told' } },
    { type: 'SUBMIT_PLAN', payload: plan },
    { type: 'ACKNOWLEDGE', payload: {} },
  ],
): ChainRow[] {
  return sealEvents(
    CASE,
    null,
    events.map((e) => ({ ...e, actorUserId: 'u1', actorRole: 'principal', at: AT })),
  ).map((s) => ({
    ...s,
    content: s.content ? { nonce: s.content.nonce, personal: s.content.personal, erasedAt: null } : null,
  }));
}

describe('personal content (docs/design.md #9)', () => {
  it('splits free text from facts and merges it back exactly', () => {
    const { facts, personal } = splitPersonal(plan);
    expect(facts).toEqual({
      plan: { evaluateAt: '2027-03-20', measures: [{ id: 'm1', ffss: 'stoppe', responsibleUserId: 'u1', evaluateAt: '2027-03-12' }] },
    });
    expect(personal).toEqual({
      '/plan/problem': 'Ola Hansen is called names',
      '/plan/measures/0/description': 'Adult in breaks',
      '/plan/measures/0/when': 'daily',
    });
    expect(mergePersonal(facts, personal)).toEqual(plan);
    expect(splitPersonal({ kind: 'observation' }).personal).toBeNull();
  });

  it('keeps structure under personal-looking keys that is not text (a deadline basis)', () => {
    expect(splitPersonal({ basis: { rule: 'on_date', date: '2027-03-01' } }).personal).toBeNull();
    expect(splitPersonal({ basis: 'group talks', participants: ['mother', 'PPT'] }).personal).toEqual({
      '/basis': 'group talks',
      '/participants': ['mother', 'PPT'],
    });
  });

  it('redacts every personal value anywhere in a snapshot', () => {
    const red = redactPersonal({ context: { ...plan, ppt: { question: 'Ola?', anonymous: false }, childIds: ['c1'] } });
    expect(JSON.stringify(red)).not.toMatch(/Ola|Adult|daily/);
    expect(red.context.plan.problem).toBe(ERASED);
    // Who the case is about goes too: an anonymised case no longer leads to a child.
    expect(red.context.childIds).toEqual([ERASED]);
    expect(erasedContent({ '/a': 'x', '/b': ['y'] })).toEqual({ '/a': ERASED, '/b': [ERASED] });
  });
});

describe('the hash chain', () => {
  it('links each event to the one before and verifies', () => {
    const r = rows();
    expect(r.map((x) => x.seq)).toEqual([1, 2, 3]);
    expect(r[0].prevHash).toBeNull();
    expect(r[1].prevHash).toBe(r[0].hash);
    expect(r[2].contentHash).toBeNull();
    expect(verifyChain(r)).toEqual({ valid: true, events: 3, firstBrokenSeq: null, problem: null, erasedContents: 0, lastHash: r[2].hash });
  });

  it('the hash is SHA-256 over RFC 8785 canonical JSON: key order does not matter, values do', () => {
    const [e] = rows();
    const reordered = { ...e, payload: Object.fromEntries(Object.entries(e.payload).reverse()) };
    expect(eventHash(reordered)).toBe(e.hash);
    expect(eventHash({ ...e, payload: { ...e.payload, source: 'other' } })).not.toBe(e.hash);
  });

  it('finds a changed fact, a changed text, a missing event and a broken link at their seq', () => {
    const fact = rows();
    fact[1] = { ...fact[1], payload: { ...fact[1].payload, extra: 1 } };
    expect(verifyChain(fact)).toMatchObject({ valid: false, firstBrokenSeq: 2, problem: 'the stored hash does not match the event' });

    const text = rows();
    text[0] = { ...text[0], content: { ...text[0].content!, personal: { '/concern': 'nothing happened' } } };
    expect(verifyChain(text)).toMatchObject({ firstBrokenSeq: 1, problem: 'the personal content does not match its hash' });

    const gap = rows();
    gap.splice(1, 1);
    expect(verifyChain(gap)).toMatchObject({ firstBrokenSeq: 2 });

    const relinked = rows();
    relinked[2] = { ...relinked[2], prevHash: relinked[0].hash };
    expect(verifyChain(relinked)).toMatchObject({ firstBrokenSeq: 3, problem: 'prevHash does not match the hash of the event before' });
  });

  it('erased content still verifies, and its salt is gone with it', () => {
    const r = rows().map((x) =>
      x.content ? { ...x, content: { nonce: null, personal: erasedContent(x.content.personal!), erasedAt: AT } } : x,
    );
    expect(verifyChain(r)).toMatchObject({ valid: true, erasedContents: 2 });
    expect(JSON.stringify(r)).not.toMatch(/Ola/);
  });

  it('salts content hashes: the same text gives different hashes', () => {
    expect(rows()[0].contentHash).not.toBe(rows()[0].contentHash);
  });
});
