import { DUTY_TO_ACT_MACHINE_VERSION } from './duty-to-act.machine';
import { PersistedCase } from './duty-to-act.driver';

/**
 * Running cases are never broken by a deploy: each machine version that changes the meaning of a
 * snapshot adds a pure function here from the version before it. Version 1 is the first.
 */
type Migration = (old: PersistedCase) => PersistedCase;

export const SNAPSHOT_MIGRATIONS: Record<number, Migration> = {
  // 2: (v1) => ({ ...v1, machineVersion: 2, context: { ...v1.context, newField: default } }),
};

export function migrateSnapshot(persisted: PersistedCase): PersistedCase {
  let current = persisted;
  while (current.machineVersion < DUTY_TO_ACT_MACHINE_VERSION) {
    const next = SNAPSHOT_MIGRATIONS[current.machineVersion + 1];
    if (!next) throw new Error(`no snapshot migration to machine version ${current.machineVersion + 1}`);
    current = next(current);
  }
  if (current.machineVersion > DUTY_TO_ACT_MACHINE_VERSION) {
    throw new Error(`snapshot from a newer machine version ${current.machineVersion}; deploy the newer code`);
  }
  return current;
}
