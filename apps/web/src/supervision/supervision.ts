import { tr } from '../i18n/translate';
/**
 * The supervision report's totals as the API sends them (`SupervisionTotals` in libs/cases; the
 * OpenAPI document describes them loosely, so the web app names the fields it reads here).
 */
export interface Ratio {
  yes: number;
  of: number;
}

export interface SupervisionTotals {
  cases: number;
  byState: Record<string, number>;
  dutyToAct: {
    acknowledged: number;
    acknowledgedOnTime: Ratio;
    investigatedOnTime: Ratio;
    planOnTime: Ratio;
    childVoiceOnRecord: Ratio;
    plansWithFiveElements: Ratio;
    medianHours: {
      occurredToReported: number | null;
      reportedToAcknowledged: number | null;
      acknowledgedToConcluded: number | null;
      concludedToPlanApproved: number | null;
      planApprovedToFirstEvaluation: number | null;
    };
  };
  staffOffence: { cases: number; reportedImmediately: Ratio; acknowledgedInTime: Ratio; ownerInformed: Ratio };
  measuresEvaluated: {
    casesWithPlan: number;
    revisedPlans: number;
    evaluationsDue: number;
    evaluationsOnTime: number;
    evaluationsLate: number;
    evaluationsMissed: number;
  };
  ownerFollowUp: { casesWithOverdueNow: number; overdueItemsNow: number; escalatedToOwner: number; seriousCases: number };
}

/** "3 av 4", or a dash when the question applies to no case yet. */
export function ratioText(r: Ratio): string {
  return r.of === 0 ? '–' : tr('owner.ratio', { yes: r.yes, of: r.of });
}

/** The same report as CSV (the API answers `Accept: text/csv`), saved as a file. */
export async function downloadCsv(path: string, filename: string): Promise<void> {
  const res = await fetch(path, { headers: { Accept: 'text/csv' }, credentials: 'same-origin' });
  if (!res.ok) throw new Error(`HTTP ${res.status}`);
  const url = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.click();
  URL.revokeObjectURL(url);
}
