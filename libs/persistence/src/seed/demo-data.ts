/**
 * The demo organisation of docs/api-contract.md, with fixed ids so seeding is idempotent and tests
 * can name things. Names are invented.
 */
export type DemoRole = 'staff' | 'principal' | 'owner' | 'ppt' | 'auditor' | 'admin';

const id = (n: number) => `d0000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;

export const DEMO_OWNER = { id: id(1), name: 'Demo kommune' };

export const DEMO_UNITS = {
  demoSkole: { id: id(0x101), name: 'Demo skole', kind: 'school' as const },
  demoBarnehage: { id: id(0x102), name: 'Demo barnehage', kind: 'kindergarten' as const },
  naboSkole: { id: id(0x103), name: 'Nabo skole', kind: 'school' as const },
};

export const DEMO_GROUPS = [
  { id: id(0x201), unitId: DEMO_UNITS.demoSkole.id, name: '5A' },
  { id: id(0x202), unitId: DEMO_UNITS.demoSkole.id, name: '5B' },
  { id: id(0x203), unitId: DEMO_UNITS.demoSkole.id, name: 'SFO' },
  { id: id(0x204), unitId: DEMO_UNITS.demoBarnehage.id, name: 'Blåbær' },
  { id: id(0x205), unitId: DEMO_UNITS.demoBarnehage.id, name: 'Tyttebær' },
  { id: id(0x206), unitId: DEMO_UNITS.naboSkole.id, name: '7A' },
];

export const DEMO_CHILDREN = [
  { id: id(0x301), groupId: id(0x201), unitId: DEMO_UNITS.demoSkole.id, name: 'Eva Nordmann' },
  { id: id(0x302), groupId: id(0x201), unitId: DEMO_UNITS.demoSkole.id, name: 'Ola Hansen' },
  { id: id(0x303), groupId: id(0x202), unitId: DEMO_UNITS.demoSkole.id, name: 'Sara Berg' },
  { id: id(0x304), groupId: id(0x203), unitId: DEMO_UNITS.demoSkole.id, name: 'Ali Khan' },
  { id: id(0x305), groupId: id(0x204), unitId: DEMO_UNITS.demoBarnehage.id, name: 'Emma Lie' },
  { id: id(0x306), groupId: id(0x204), unitId: DEMO_UNITS.demoBarnehage.id, name: 'Noah Dahl' },
  { id: id(0x307), groupId: id(0x205), unitId: DEMO_UNITS.demoBarnehage.id, name: 'Nora Bakke' },
  { id: id(0x308), groupId: id(0x206), unitId: DEMO_UNITS.naboSkole.id, name: 'Jonas Moe' },
  { id: id(0x309), groupId: id(0x206), unitId: DEMO_UNITS.naboSkole.id, name: 'Ingrid Vik' },
];

export const DEMO_USERS: Array<{ id: string; username: string; displayName: string; role: DemoRole; unitId: string | null }> = [
  { id: id(0x401), username: 'larer', displayName: 'Lærer Larsen', role: 'staff', unitId: DEMO_UNITS.demoSkole.id },
  { id: id(0x402), username: 'rektor', displayName: 'Rektor Ruud', role: 'principal', unitId: DEMO_UNITS.demoSkole.id },
  { id: id(0x403), username: 'ansatt', displayName: 'Ansatt Aas', role: 'staff', unitId: DEMO_UNITS.demoBarnehage.id },
  { id: id(0x404), username: 'styrer', displayName: 'Styrer Strand', role: 'principal', unitId: DEMO_UNITS.demoBarnehage.id },
  { id: id(0x405), username: 'larer2', displayName: 'Lærer Lund', role: 'staff', unitId: DEMO_UNITS.naboSkole.id },
  { id: id(0x406), username: 'rektor2', displayName: 'Rektor Rønning', role: 'principal', unitId: DEMO_UNITS.naboSkole.id },
  { id: id(0x407), username: 'kommune', displayName: 'Kommune Kristiansen', role: 'owner', unitId: null },
  { id: id(0x408), username: 'ppt', displayName: 'PPT Pedersen', role: 'ppt', unitId: null },
  { id: id(0x409), username: 'revisor', displayName: 'Revisor Rød', role: 'auditor', unitId: null },
  // Operations (drift): the queue dashboard, never a case.
  { id: id(0x40a), username: 'drift', displayName: 'Drift Dahl', role: 'admin', unitId: null },
];

export const DEMO_USERNAMES = DEMO_USERS.map((u) => u.username);

export function demoUser(username: string) {
  const u = DEMO_USERS.find((x) => x.username === username);
  if (!u) throw new Error(`no demo user ${username}`);
  return u;
}
