import { databaseOnThisMachine, defaultApiProcesses } from '../src/api-processes.policy';

describe('defaultApiProcesses', () => {
  it('leaves a core to PostgreSQL when the launcher runs it on this machine', () => {
    expect(defaultApiProcesses(1, true)).toBe(1);
    expect(defaultApiProcesses(2, true)).toBe(1);
    expect(defaultApiProcesses(3, true)).toBe(2);
    expect(defaultApiProcesses(4, true)).toBe(3);
    expect(defaultApiProcesses(16, true)).toBe(4);
  });

  it('uses every core when the database runs elsewhere, up to four', () => {
    expect(defaultApiProcesses(1, false)).toBe(1);
    expect(defaultApiProcesses(2, false)).toBe(2);
    expect(defaultApiProcesses(4, false)).toBe(4);
    expect(defaultApiProcesses(16, false)).toBe(4);
  });
});

describe('databaseOnThisMachine', () => {
  it("counts the launcher's own PostgreSQL and one on loopback or a Unix socket", () => {
    expect(databaseOnThisMachine(undefined)).toBe(true);
    expect(databaseOnThisMachine('')).toBe(true);
    expect(databaseOnThisMachine('postgres://trygg:pw@localhost:5432/trygg')).toBe(true);
    expect(databaseOnThisMachine('postgres://trygg:pw@127.0.0.1:5432/trygg')).toBe(true);
    expect(databaseOnThisMachine('postgres://trygg:pw@[::1]:5432/trygg')).toBe(true);
    expect(databaseOnThisMachine('postgres:///trygg?host=/var/run/postgresql')).toBe(true);
  });

  it('does not count a database on another host', () => {
    expect(databaseOnThisMachine('postgres://trygg:pw@postgres:5432/trygg')).toBe(false);
    expect(databaseOnThisMachine('postgres://trygg:pw@db.kommune.no/trygg')).toBe(false);
  });
});
