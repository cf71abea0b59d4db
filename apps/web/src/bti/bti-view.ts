import type { CaseView } from '../api/client';
import { tr } from '../i18n/translate';

/** The case's BTI part as the API sends it (`bti` in the case view; loosely described in the OpenAPI document). */
export interface BtiView {
  level: 0 | 1 | 2 | 3;
  state: string;
  coordinator: string | null;
  pendingCoordinator: string | null;
  services: string[];
  consents: Array<{
    service: string;
    status: 'given' | 'withdrawn' | 'refused';
    form: string | null;
    scope: string | null;
    givenAt: string | null;
    expiresAt: string | null;
    valid: boolean;
  }>;
  barnevernReportedAt: string | null;
}

export interface PptView {
  question: string;
  anonymous: boolean;
  anonymousSummary: string | null;
  requestedAt?: string;
}

export const btiOf = (c: CaseView): BtiView | null => (c.bti && 'level' in c.bti ? (c.bti as unknown as BtiView) : null);
export const pptOf = (c: CaseView): PptView | null => ((c as { ppt?: unknown }).ppt as PptView | null | undefined) ?? null;

/** The level in words ('Avsluttet i BTI' once closed). */
export function btiLevelLabel(bti: { state: string; level: number }): string {
  if (bti.state === 'closed') return tr('bti.closed');
  return bti.level >= 0 && bti.level <= 3 ? tr(`bti.level.${bti.level as 0 | 1 | 2 | 3}`) : tr('cmd.level', { n: bti.level });
}
