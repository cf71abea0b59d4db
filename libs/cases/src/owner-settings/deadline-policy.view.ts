import { DeadlinePolicy } from '../../../workflow/src';
import { changeStamp } from './versioned-setting';
import { StoredPolicy } from '../ports';

export interface DeadlinePolicyView extends DeadlinePolicy {
  ownerId: string;
  /** True while the owner has not changed Trygg's defaults. */
  isDefault: boolean;
  changedBy: string | null;
  changedAt: string | null;
  notice: string;
}

export const POLICY_NOTICE =
  'Municipal policy, not law: the law says "snarast" (as soon as possible) and "straks" (immediately). ' +
  'A change applies to deadlines created after it; running deadlines keep theirs.';

export function deadlinePolicyView(ownerId: string, stored: StoredPolicy): DeadlinePolicyView {
  return {
    ownerId,
    ...stored.policy,
    ...changeStamp(stored),
    notice: POLICY_NOTICE,
  };
}
