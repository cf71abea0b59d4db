import type { CaseView } from '../api/client';

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
    scope?: string;
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

export const BTI_LEVEL_LABEL: Record<number, string> = {
  0: 'Nivå 0: undring og bekymring',
  1: 'Nivå 1: følges opp i tjenesten',
  2: 'Nivå 2: flere tjenester samarbeider, med stafettholder',
  3: 'Nivå 3: omfattende samarbeid, med stafettholder',
};
