import { execFileSync } from 'node:child_process';

/** The ids of the processes whose parent is `pid` (a cluster's processes under their primary). */
export function childrenOf(pid: number): number[] {
  try {
    return execFileSync('ps', ['-o', 'pid=', '--ppid', String(pid)], { encoding: 'utf8' })
      .split('\n')
      .filter((l) => l.trim())
      .map(Number);
  } catch {
    return []; // ps exits 1 when there are none
  }
}
