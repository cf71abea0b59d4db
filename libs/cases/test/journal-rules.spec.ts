import { caseTitleOf, JOURNAL_RULES, journalDocumentOf, journalRuleOf, saksstatusOf } from '../src/archive/journal-rules';

describe('what is journalled (archive/journal-rules.ts)', () => {
  it('names exactly the documents the law and practice say are archived', () => {
    expect(Object.keys(JOURNAL_RULES).sort()).toEqual(
      ['APPROVE_PLAN', 'CASE_OPENED', 'CONCLUDE_INVESTIGATION', 'EVALUATE', 'OWNER_NOTIFIED', 'SF_DECISION'].sort(),
    );
    expect(journalRuleOf('ADD_NOTE')).toBeUndefined();
    expect(journalRuleOf('toString')).toBeUndefined();
    expect(journalRuleOf('SF_DECISION')?.journalposttype).toBe('Inngående dokument');
  });

  it('titles never name the child, and say which law and which leader', () => {
    const opened = { handledBy: 'principal' };
    expect(
      JOURNAL_RULES.CASE_OPENED.title({ dutyToAct: 'opplæringslova §12-4', staffOffence: '', headOfUnit: 'rektor', child: 'elev' }, opened),
    ).toBe('Melding til rektor om skolemiljøet (aktivitetsplikten)');
    expect(
      JOURNAL_RULES.CASE_OPENED.title(
        { dutyToAct: 'barnehageloven §42', staffOffence: '', headOfUnit: 'styrer', child: 'barn' },
        { handledBy: 'owner' },
      ),
    ).toBe('Melding til eier om barnehagemiljøet (aktivitetsplikten)');
    expect(caseTitleOf('school')).toBe('Sak om skolemiljøet til en elev (aktivitetsplikten, opplæringslova §12-4)');
  });

  it('the document holds what was written, with names, in bokmål', () => {
    const doc = journalDocumentOf(
      {
        event: {
          type: 'CASE_OPENED',
          at: new Date('2027-03-01T08:00:00Z'),
          actorUserId: 'u1',
          actorRole: 'staff',
          payload: { concern: 'Eva holdes utenfor', source: 'child_told', childSaysUnsafe: true, handledBy: 'principal' },
        },
        regime: 'school',
        unitName: 'Demo skole',
        legalBasis: ['opplæringslova §12-4'],
        plan: null,
        childNames: ['Eva Nordmann'],
        userNames: new Map([['u1', 'Lærer Larsen']]),
      },
      JOURNAL_RULES.CASE_OPENED,
    );
    expect(doc.author).toBe('Lærer Larsen (ansatt)');
    expect(doc.sections[0].fields).toEqual(
      expect.arrayContaining([
        ['Elev(er)', 'Eva Nordmann'],
        ['Hva skjedde', 'Eva holdes utenfor'],
        ['Kilde', 'Barnet fortalte'],
        ['Barnet sier selv at det ikke er trygt', 'Ja'],
      ]),
    );
  });

  it('a case is under work until it is closed (saksstatus)', () => {
    expect(saksstatusOf('closed')).toBe('Avsluttet');
    for (const s of ['reported', 'investigating', 'planning', 'active', 'evaluating']) expect(saksstatusOf(s)).toBe('Under behandling');
  });
});
