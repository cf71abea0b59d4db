import { signDevToken } from '../../libs/identity/src';
import { DEMO_CHILDREN, DEMO_UNITS } from '../../libs/persistence/src/seed/demo-data';
import { baseUrl } from './helpers';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- scenes read whatever the API returned; the browser test checks the page, not these types
type ApiJson = Record<string, any>;

/** Setting a scene through the API (with an integration's bearer token), so a test starts where it matters. */
export async function apiAs(username: string, method: string, path: string, body?: unknown): Promise<ApiJson> {
  const res = await fetch(`${baseUrl()}${path}`, {
    method,
    headers: { authorization: `Bearer ${await signDevToken(username)}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = (await res.json()) as ApiJson;
  if (!res.ok) throw new Error(`${method} ${path} as ${username}: ${res.status} ${JSON.stringify(json)}`);
  return json;
}

export const child = (name: string) => DEMO_CHILDREN.find((c) => c.name === name)!.id;

/** A school case about the child, opened by the teacher; `to` takes it on to planning (not safe) or closed (safe). */
export async function schoolCase(
  childName: string,
  to: 'reported' | 'planning' | 'closed' = 'reported',
): Promise<{ id: string; version: number }> {
  let c = await apiAs('larer', 'POST', '/api/cases', {
    unitId: DEMO_UNITS.demoSkole.id,
    childIds: [child(childName)],
    concern: `${childName.split(' ')[0]} blir holdt utenfor i friminuttene.`,
    source: 'staff_observation',
  });
  if (to !== 'reported') {
    const safe = to === 'closed';
    const run = async (user: string, type: string, payload: Record<string, unknown> = {}) =>
      (c = await apiAs(user, 'POST', `/api/cases/${c.id}/commands`, { type, expectedVersion: c.version, ...payload }));
    await run('rektor', 'ACKNOWLEDGE');
    await run('larer', 'RECORD_CHILD_VOICE', {
      childId: child(childName),
      heardAt: new Date().toISOString(),
      heardBy: 'Lærer Larsen',
      summary: safe ? 'Har det bra nå' : 'Redd i friminuttene',
    });
    await run(
      'rektor',
      'CONCLUDE_INVESTIGATION',
      safe
        ? { outcome: 'safe', summary: 'Trygt og godt', bestInterest: 'Ingen tiltak trengs' }
        : { outcome: 'not_safe', summary: 'Ikke trygt', bestInterest: 'Trygghet i friminuttene' },
    );
  }
  return { id: c.id as string, version: c.version as number };
}

/** A date some days ahead, as a date input takes it. */
export function daysAhead(n: number): string {
  return new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);
}
