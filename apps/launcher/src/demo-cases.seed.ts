import type { AddressInfo } from 'node:net';
import { createLocalApiApp } from '../../api/src/local-api-app';
import { signDevToken } from '../../../libs/identity/src';
import { createDataSource } from '../../../libs/persistence/src/data-source';
import { DEMO_CHILDREN, DEMO_UNITS, demoUser } from '../../../libs/persistence/src/seed/demo-data';
import { demoCasesExist, markDemoCases } from '../../../libs/persistence/src/seed/demo-cases.sql';
import { FixedClock } from '../../../libs/platform/src';

/**
 * The demo cases of `npm start`: a dozen cases in every state and both regimes, made once on the
 * first start through the real API (in this process, on the real database), so their history,
 * deadlines and hash chains are genuine. The script is fixed, so every fresh start tells the same
 * story; its dates count back from the start, so deadlines are due or overdue as the story says.
 */
const DAY = 86_400_000;
const child = (name: string) => DEMO_CHILDREN.find((c) => c.name === name)!.id;
const EVA = child('Eva Nordmann');
const OLA = child('Ola Hansen');
const SARA = child('Sara Berg');
const ALI = child('Ali Khan');
const EMMA = child('Emma Lie');
const NOAH = child('Noah Dahl');
const JONAS = child('Jonas Moe');

interface Api {
  /** Moves the demo's clock to `daysAgo` days before the start, at `hour` UTC. */
  at(daysAgo: number, hour?: number): void;
  open(username: string, body: Record<string, unknown>): Promise<DemoCase>;
}

interface DemoCase {
  id: string;
  version: number;
  state: string;
  run(username: string, type: string, payload?: Record<string, unknown>): Promise<DemoCase>;
}

const date = (d: Date) => d.toISOString().slice(0, 10);

function plan(start: Date, responsible: string, evaluateInDays: number, problem: string) {
  const evaluateAt = date(new Date(start.getTime() + evaluateInDays * DAY));
  return {
    problem,
    evaluateAt,
    measures: [
      {
        id: 'm1',
        description: 'En voksen er til stede der eleven er i alle friminutt',
        ffss: 'stoppe',
        when: 'Hvert friminutt fra i morgen',
        responsibleUserId: responsible,
        evaluateAt,
      },
      {
        id: 'm2',
        description: 'Klassesamtaler om inkludering',
        ffss: 'fremme',
        when: 'Hver uke i klassens time',
        responsibleUserId: responsible,
        evaluateAt,
      },
      {
        id: 'm3',
        description: 'Faste samtaler med kontaktlærer',
        ffss: 'stotte',
        when: 'Hver fredag',
        responsibleUserId: responsible,
        evaluateAt,
      },
    ],
    childParticipation: 'Eleven foreslo selv hvor den voksne skal stå',
    parentsInvolved: 'Møte med foreldrene, som støtter planen',
  };
}

async function story(api: Api, start: Date): Promise<DemoCase[]> {
  const school = DEMO_UNITS.demoSkole.id;
  const kindergarten = DEMO_UNITS.demoBarnehage.id;
  const concern = (unitId: string, childIds: string[], text: string, extra: Record<string, unknown> = {}) => ({
    unitId,
    childIds,
    concern: text,
    source: 'staff_observation',
    childSaysUnsafe: false,
    ...extra,
  });
  const larer = demoUser('larer').id;
  const ansatt = demoUser('ansatt').id;
  const made: DemoCase[] = [];
  const heard = (childId: string, summary: string, daysAgo: number) => ({
    childId,
    heardAt: new Date(start.getTime() - daysAgo * DAY).toISOString(),
    heardBy: 'Lærer Larsen',
    summary,
  });

  // 1. Closed, with its whole history: reported, investigated, planned, evaluated, resolved.
  api.at(62);
  let c = await api.open(
    'larer',
    concern(school, [ALI], 'Ali blir holdt utenfor i fotballen på SFO og kalt stygge ting.', {
      source: 'child_told',
      childSaysUnsafe: true,
    }),
  );
  api.at(61);
  c = await c.run('rektor', 'ACKNOWLEDGE');
  c = await c.run('larer', 'ADD_NOTE', { kind: 'observation', text: 'Så at Ali sto alene ved gjerdet i tre friminutt.' });
  api.at(60);
  c = await c.run('larer', 'RECORD_CHILD_VOICE', heard(ALI, 'Ali sier han gruer seg til SFO.', 60));
  api.at(58);
  c = await c.run('rektor', 'CONCLUDE_INVESTIGATION', {
    outcome: 'not_safe',
    summary: 'Ali har ikke et trygt og godt miljø på SFO.',
    bestInterest: 'Ali trenger voksne tett på i frileken.',
  });
  api.at(57);
  c = await c.run('larer', 'SUBMIT_PLAN', {
    plan: plan(new Date(start.getTime() - 57 * DAY), larer, 21, 'Ali holdes utenfor i leken på SFO'),
  });
  c = await c.run('rektor', 'APPROVE_PLAN');
  api.at(36);
  c = await c.run('rektor', 'START_EVALUATION');
  c = await c.run('rektor', 'EVALUATE', {
    outcome: 'resolved',
    summary: 'Ali er med i leken og sier han trives.',
    childVoice: 'Ali sier det er bra nå.',
  });
  // With no follow-up period configured, "resolved" closes the case; otherwise close it here.
  if (c.state !== 'closed') c = await c.run('rektor', 'CLOSE', { summary: 'Tiltakene virket; Ali har det trygt og godt.' });
  made.push(c);

  // 2. Evaluating: the plan's evaluation date has come.
  api.at(30);
  c = await api.open(
    'larer',
    concern(school, [OLA], 'Ola kommer ofte for sent og sier at noen venter på ham på veien.', { source: 'child_told' }),
  );
  api.at(29);
  c = await c.run('rektor', 'ACKNOWLEDGE');
  c = await c.run('larer', 'RECORD_CHILD_VOICE', heard(OLA, 'Ola sier noen eldre gutter tar lua hans.', 29));
  api.at(27);
  c = await c.run('rektor', 'CONCLUDE_INVESTIGATION', {
    outcome: 'not_safe',
    summary: 'Ola er utrygg på skoleveien og i friminuttene.',
    bestInterest: 'Ola trenger følge og voksne i friminuttene.',
  });
  api.at(26);
  c = await c.run('larer', 'SUBMIT_PLAN', { plan: plan(new Date(start.getTime() - 26 * DAY), larer, 24, 'Ola blir plaget på skoleveien') });
  c = await c.run('rektor', 'APPROVE_PLAN');
  api.at(1);
  c = await c.run('rektor', 'START_EVALUATION');
  made.push(c);

  // 3. Active, at BTI level 2 with a coordinator and consent to PPT.
  api.at(20);
  c = await api.open(
    'larer',
    concern(school, [SARA], 'Sara gråter ofte i timene og vil ikke ut i friminuttet.', { source: 'staff_observation' }),
  );
  api.at(19);
  c = await c.run('rektor', 'ACKNOWLEDGE');
  c = await c.run('larer', 'RECORD_CHILD_VOICE', heard(SARA, 'Sara sier at ingen vil være med henne.', 19));
  c = await c.run('rektor', 'ASSIGN_COORDINATOR', { userId: larer });
  c = await c.run('larer', 'ACCEPT_COORDINATION');
  c = await c.run('rektor', 'RECORD_CONSENT', {
    service: 'ppt',
    givenBy: 'Saras mor (foreldreansvar)',
    form: 'written',
    scope: 'Saken om skolemiljøet, til PPT',
    givenAt: new Date(start.getTime() - 19 * DAY).toISOString(),
    expiresAt: new Date(start.getTime() + 120 * DAY).toISOString(),
  });
  c = await c.run('rektor', 'BTI_DECIDE', { decision: 'level2', reason: 'Skolen og PPT samarbeider om tiltakene', services: ['ppt'] });
  api.at(17);
  c = await c.run('rektor', 'CONCLUDE_INVESTIGATION', {
    outcome: 'not_safe',
    summary: 'Sara er ensom og utrygg.',
    bestInterest: 'Sara trenger hjelp til å få venner.',
  });
  api.at(16);
  c = await c.run('larer', 'SUBMIT_PLAN', {
    plan: plan(new Date(start.getTime() - 16 * DAY), larer, 30, 'Sara er ensom og blir holdt utenfor'),
  });
  c = await c.run('rektor', 'APPROVE_PLAN');
  c = await c.run('larer', 'RECORD_MEASURE', { measureId: 'm1', status: 'ongoing', note: 'Voksen ute hvert friminutt siden mandag.' });
  made.push(c);

  // 4. Awaiting approval: the teacher has sent the plan to the principal.
  api.at(9);
  c = await api.open(
    'larer',
    concern(school, [EVA, OLA], 'Eva og Ola krangler i hvert friminutt, og Eva sier hun blir slått.', {
      source: 'child_told',
      childSaysUnsafe: true,
    }),
  );
  api.at(8);
  c = await c.run('rektor', 'ACKNOWLEDGE');
  c = await c.run('larer', 'RECORD_CHILD_VOICE', heard(EVA, 'Eva sier hun er redd for Ola.', 8));
  c = await c.run('larer', 'RECORD_CHILD_VOICE', heard(OLA, 'Ola sier det bare er lek.', 8));
  api.at(6);
  c = await c.run('rektor', 'CONCLUDE_INVESTIGATION', {
    outcome: 'not_safe',
    summary: 'Eva har ikke et trygt miljø.',
    bestInterest: 'Eva må være trygg i friminuttene.',
  });
  api.at(5);
  c = await c.run('larer', 'SUBMIT_PLAN', {
    plan: plan(new Date(start.getTime() - 5 * DAY), larer, 21, 'Konflikt mellom Eva og Ola i friminuttene'),
  });
  made.push(c);

  // 5. Planning: the investigation is concluded, the plan is not written yet.
  api.at(7);
  c = await api.open('larer', concern(school, [ALI], 'Ali sier at noen tar matpakken hans.', { source: 'child_told' }));
  api.at(6);
  c = await c.run('rektor', 'ACKNOWLEDGE');
  c = await c.run('larer', 'RECORD_CHILD_VOICE', heard(ALI, 'Ali sier det skjer nesten hver dag.', 6));
  api.at(3);
  c = await c.run('rektor', 'CONCLUDE_INVESTIGATION', {
    outcome: 'not_safe',
    summary: 'Ali blir plaget i spisepausen.',
    bestInterest: 'Ali må kunne spise i fred.',
  });
  made.push(c);

  // 6. Investigating, with an anonymous question to PPT.
  api.at(5);
  c = await api.open('larer', concern(school, [SARA], 'Sara sitter alene i spisepausen hver dag.'));
  api.at(4);
  c = await c.run('rektor', 'ACKNOWLEDGE');
  c = await c.run('rektor', 'REQUEST_PPT', {
    question: 'Hvordan kan klassen jobbe med inkludering i spisepausen?',
    anonymous: true,
    anonymousSummary: 'En elev på 5. trinn sitter alene i spisepausen. Skolen ønsker råd om tiltak for hele klassen.',
  });
  made.push(c);

  // 7. Investigating: acknowledged, notes and the child's voice on record.
  api.at(3);
  c = await api.open('larer', concern(school, [OLA], 'Ola ble dyttet ned trappa av noen i 7. klasse.'));
  api.at(2);
  c = await c.run('rektor', 'ACKNOWLEDGE');
  c = await c.run('larer', 'ADD_NOTE', { kind: 'conversation', text: 'Snakket med Ola i klasserommet etter friminuttet.' });
  c = await c.run('larer', 'RECORD_CHILD_VOICE', heard(OLA, 'Ola sier han er redd i trappa.', 2));
  made.push(c);

  // 8. A staff member offends a pupil (§ 12-5): the owner is told at once; the principal has it in hand.
  api.at(4);
  c = await api.open('larer', concern(school, [EVA], 'En assistent dro Eva hardt i armen og kjeftet.', { staffOffender: true }));
  api.at(4, 12);
  c = await c.run('rektor', 'ACKNOWLEDGE');
  c = await c.run('rektor', 'MARK_SERIOUS', { reason: 'En ansatt har brukt makt mot en elev.' });
  made.push(c);

  // 9. Reported a week ago and not acknowledged: the deadline has passed.
  api.at(8);
  c = await api.open('larer', concern(school, [SARA], 'Noen skrev stygge ting om Sara i klassechatten.', { source: 'parent_told' }));
  made.push(c);

  // 10. Just reported: the principal has a new report to acknowledge.
  api.at(0);
  c = await api.open(
    'larer',
    concern(school, [EVA], 'Eva sier at ingen vil sitte ved siden av henne på bussen.', { source: 'child_told', childSaysUnsafe: true }),
  );
  made.push(c);

  // 11. Kindergarten (barnehageloven § 42): just reported by an employee.
  c = await api.open(
    'ansatt',
    concern(kindergarten, [EMMA], 'Emma gråter når hun blir levert og sier at de andre barna ikke vil leke med henne.', {
      source: 'child_told',
    }),
  );
  made.push(c);

  // 12. Kindergarten: measures under way.
  api.at(14);
  c = await api.open('ansatt', concern(kindergarten, [NOAH], 'Noah blir stengt ute av leken i sandkassa hver dag.'));
  api.at(13);
  c = await c.run('styrer', 'ACKNOWLEDGE');
  c = await c.run('ansatt', 'RECORD_CHILD_VOICE', {
    ...heard(NOAH, 'Noah sier at han vil leke med Jonas og Nora.', 13),
    heardBy: 'Ansatt Aas',
  });
  api.at(11);
  c = await c.run('styrer', 'CONCLUDE_INVESTIGATION', {
    outcome: 'not_safe',
    summary: 'Noah blir holdt utenfor i leken.',
    bestInterest: 'Noah trenger voksne som hjelper ham inn i leken.',
  });
  api.at(10);
  c = await c.run('ansatt', 'SUBMIT_PLAN', {
    plan: {
      ...plan(new Date(start.getTime() - 10 * DAY), ansatt, 28, 'Noah blir holdt utenfor i leken'),
      childParticipation: 'Noah har vist hvor han liker å leke',
    },
  });
  c = await c.run('styrer', 'APPROVE_PLAN');
  made.push(c);

  // 13. Nabo skole, its own principal's case.
  api.at(2);
  c = await api.open('larer2', concern(DEMO_UNITS.naboSkole.id, [JONAS], 'Jonas blir ertet for klærne sine.'));
  api.at(1);
  c = await c.run('rektor2', 'ACKNOWLEDGE');
  made.push(c);

  // 14. Someone in the school's leadership offends a pupil: the case goes to the owner, not the principal.
  api.at(1, 12);
  c = await api.open(
    'larer',
    concern(school, [ALI], 'Inspektøren ropte til Ali foran hele klassen.', { staffOffender: true, offenderIsLeadership: true }),
  );
  made.push(c);

  return made;
}

/** Makes the demo cases unless they exist; returns how many were made. */
export async function seedDemoCases(databaseUrl: string, redisUrl: string, now: Date): Promise<number> {
  const ds = createDataSource(databaseUrl, { poolSize: 1 });
  await ds.initialize();
  try {
    if (await demoCasesExist(ds)) return 0;
    // Days count back from 07:00 UTC (08:00 or 09:00 in Oslo) of the start day, never from the future.
    const start = new Date(Math.min(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), 7), now.getTime() - 2 * 3_600_000));
    const clock = new FixedClock(start);
    const app = await createLocalApiApp(databaseUrl, redisUrl, clock);
    await app.listen(0, '127.0.0.1');
    try {
      const base = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}/api`;
      const tokens = new Map<string, string>();
      const call = async (username: string, method: string, path: string, body: unknown) => {
        const token = tokens.get(username) ?? (await signDevToken(username));
        tokens.set(username, token);
        const res = await fetch(`${base}${path}`, {
          method,
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
          body: JSON.stringify(body),
        });
        const json = (await res.json()) as Record<string, unknown>;
        if (!res.ok) throw new Error(`demo data: ${method} ${path} as ${username} answered ${res.status}: ${JSON.stringify(json)}`);
        return json;
      };
      const wrap = (json: Record<string, unknown>): DemoCase => {
        const c = { ...json } as unknown as DemoCase;
        c.run = async (username, type, payload = {}) => {
          // Each step a couple of minutes after the one before, so the history reads in order.
          clock.advance(2 * 60_000);
          return wrap(await call(username, 'POST', `/cases/${c.id}/commands`, { type, expectedVersion: c.version, ...payload }));
        };
        return c;
      };
      const api: Api = {
        at: (daysAgo, hour = 7) => clock.set(new Date(start.getTime() - daysAgo * DAY + (hour - 7) * 3_600_000)),
        open: async (username, body) =>
          wrap(await call(username, 'POST', '/cases', { ...body, occurredAt: new Date(clock.now().getTime() - 3_600_000).toISOString() })),
      };
      const cases = await story(api, start);
      await markDemoCases(
        ds,
        cases.map((c) => c.id),
      );
      return cases.length;
    } finally {
      await app.close();
    }
  } finally {
    await ds.destroy();
  }
}
