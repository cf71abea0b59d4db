/*
 * FROZEN for migration 1764200000000-omni-staircase: the BTI machine's opening snapshot (machine
 * version 1) as that migration wrote it into every existing case. Not imported from libs/: what
 * an old migration writes must not change when the machine does (docs/decisions.md).
 */
export function btiOpeningSnapshotV1(handledBy: 'principal' | 'owner') {
  return {
    machineVersion: 1,
    value: 'level0',
    context: {
      level: 0,
      handledBy,
      coordinator: null,
      pendingCoordinator: null,
      services: [],
      consents: {},
      barnevernReportedAt: null,
      ppt: null,
    },
  };
}
