import { DeadlineKindOf, StartDeadline } from './deadline-kinds';
import { Actor, Leadership } from './roles';

/**
 * BTI — Bedre tverrfaglig innsats (docs/domain.md §4): responsibility levels 0–3 for a child where
 * someone wonders or worries. A municipal collaboration model, not a statute; the consent rules
 * come from the duty of confidentiality (information goes to another service only with consent,
 * except a report to barnevern).
 */
export type BtiLevel = 0 | 1 | 2 | 3;
export type BtiState = 'level0' | 'level1' | 'level2' | 'level3' | 'closed';

/** Outside services a case can involve; the owner may extend the list. */
export const BTI_SERVICES = ['ppt', 'helsestasjon', 'skolehelsetjeneste', 'barnevern', 'bup', 'other'] as const;
export type BtiService = string;

export interface Consent {
  service: BtiService;
  status: 'given' | 'withdrawn' | 'refused';
  givenBy: string;
  form: 'written' | 'oral' | null;
  scope: string;
  givenAt: string | null;
  expiresAt: string | null;
  recordedAt: string;
}

export interface BtiContext {
  level: BtiLevel;
  handledBy: Leadership;
  /** The stafettholder who has accepted; responsible until a successor accepts. */
  coordinator: string | null;
  /** Assigned but not yet accepted. */
  pendingCoordinator: string | null;
  /** Outside services taking part. */
  services: BtiService[];
  consents: Record<BtiService, Consent>;
  barnevernReportedAt: string | null;
  /** PPT pulled in at escalation: named with consent, or anonymously (no child identified). */
  ppt: PptRequest | null;
}

export interface PptRequest {
  requestedAt: string;
  requestedBy: string;
  question: string;
  anonymous: boolean;
  /** In anonymous mode, what PPT sees instead of the case's free text. */
  anonymousSummary: string | null;
}

interface Base {
  actor: Actor;
  at: string;
}

/** The words the BTI commands take, one list each for the machine, the API's validation and the web app. */
export const BTI_DECISIONS = ['close', 'level1', 'level2', 'level3'] as const;
export type BtiDecision = (typeof BTI_DECISIONS)[number];
export const ESCALATION_LEVELS = [2, 3] as const;
export const DEESCALATION_LEVELS = [1, 2] as const;
export const EVALUATION_LEVELS = [1, 2, 3] as const;
export const CONSENT_FORMS = ['written', 'oral'] as const;
export const BTI_EVALUATION_DECISIONS = ['continue', 'change_level', 'close'] as const;
export const PPT_ADVICE_PARTS = ['advice', 'evaluation'] as const;

export type BtiEvent =
  | (Base & {
      type: 'BTI_DECIDE';
      decision: BtiDecision;
      reason: string;
      services?: BtiService[];
      barnevernReported?: boolean;
      barnevernReportedAt?: string;
    })
  | (Base & { type: 'BTI_ESCALATE'; toLevel: (typeof ESCALATION_LEVELS)[number]; reason: string; services?: BtiService[] })
  | (Base & { type: 'BTI_DEESCALATE'; toLevel: (typeof DEESCALATION_LEVELS)[number]; reason: string })
  | (Base & { type: 'ASSIGN_COORDINATOR'; userId: string })
  | (Base & { type: 'ACCEPT_COORDINATION' })
  | (Base & {
      type: 'RECORD_CONSENT';
      service: BtiService;
      givenBy: string;
      form: (typeof CONSENT_FORMS)[number];
      scope: string;
      givenAt: string;
      expiresAt?: string;
    })
  | (Base & { type: 'RECORD_CONSENT_REFUSAL'; service: BtiService; refusedBy: string })
  | (Base & { type: 'WITHDRAW_CONSENT'; service: BtiService; reason: string })
  | (Base & {
      type: 'BTI_EVALUATE';
      participants: string[];
      decision: (typeof BTI_EVALUATION_DECISIONS)[number];
      toLevel?: (typeof EVALUATION_LEVELS)[number];
      summary: string;
    })
  | (Base & { type: 'REQUEST_PPT'; question: string; anonymous: boolean; anonymousSummary?: string })
  | (Base & { type: 'PPT_ADVICE'; text: string; part?: (typeof PPT_ADVICE_PARTS)[number] });

export type BtiCommandType = BtiEvent['type'];

export type BtiEffect =
  | StartDeadline<DeadlineKindOf<'bti'>>
  | { type: 'meetDeadlines'; kinds: Array<DeadlineKindOf<'bti'>> }
  | { type: 'cancelDeadlines'; kinds: Array<DeadlineKindOf<'bti'>>; ref?: string };
