import { Plan, REGIME_LAW, Regime } from '../../../workflow/src';
import { OUTCOME_LABELS, SOURCE_LABELS } from '../export/document-labels';

/**
 * Which documents of a case are registered in the journal and archived (journalføres og
 * arkiveres: docs/domain.md §8).
 * One row per history entry that IS such a document: the entry becomes a journalpost in the same
 * transaction that writes it. Nothing else in Trygg decides what is journalled.
 */
export type JournalKind = 'concern' | 'investigation_conclusion' | 'approved_plan' | 'evaluation' | 'owner_notification' | 'sf_decision';

/** Noark 5 journalposttype (M082), in the standard's words. */
export type Journalposttype = 'Inngående dokument' | 'Organinternt dokument for oppfølging' | 'Organinternt dokument uten oppfølging';

export interface JournalRule {
  kind: JournalKind;
  journalposttype: Journalposttype;
  /** Noark 5 dokumenttype (M083). */
  dokumenttype: string;
  /** The title: names the document, never the child (skjermet tittel). */
  title: (law: (typeof REGIME_LAW)[Regime], payload: Record<string, unknown>) => string;
}

export const JOURNAL_RULES: Readonly<Record<string, JournalRule>> = {
  CASE_OPENED: {
    kind: 'concern',
    journalposttype: 'Organinternt dokument for oppfølging',
    dokumenttype: 'Melding',
    title: (law, p) =>
      `Melding til ${p.handledBy === 'owner' ? 'eier' : law.headOfUnit} om ${law.child === 'elev' ? 'skolemiljøet' : 'barnehagemiljøet'} (aktivitetsplikten)`,
  },
  CONCLUDE_INVESTIGATION: {
    kind: 'investigation_conclusion',
    journalposttype: 'Organinternt dokument uten oppfølging',
    dokumenttype: 'Konklusjon',
    title: () => 'Konklusjon av undersøkelse (aktivitetsplikten)',
  },
  APPROVE_PLAN: {
    kind: 'approved_plan',
    journalposttype: 'Organinternt dokument for oppfølging',
    dokumenttype: 'Aktivitetsplan',
    title: (law) => `Aktivitetsplan (${law.dutyToAct})`,
  },
  EVALUATE: {
    kind: 'evaluation',
    journalposttype: 'Organinternt dokument uten oppfølging',
    dokumenttype: 'Evaluering',
    title: () => 'Evaluering av tiltak i aktivitetsplan',
  },
  OWNER_NOTIFIED: {
    kind: 'owner_notification',
    journalposttype: 'Organinternt dokument for oppfølging',
    dokumenttype: 'Varsel',
    title: () => 'Varsel til eier (kommunen) i sak om aktivitetsplikten',
  },
  SF_DECISION: {
    kind: 'sf_decision',
    journalposttype: 'Inngående dokument',
    dokumenttype: 'Vedtak',
    title: () => 'Vedtak fra Statsforvalteren (opplæringslova § 12-6)',
  },
};

/**
 * The legal ground for shielding every journal entry and case: information about a child's
 * personal circumstances is subject to the duty of confidentiality (taushetsplikt).
 */
export const SKJERMINGSHJEMMEL = 'Offl. § 13, jf. fvl. § 13 første ledd nr. 1';

/** The rule of a stored entry's kind (the deposit and the archive service read it so). */
export function journalRuleOfKind(kind: JournalKind): JournalRule {
  return Object.values(JOURNAL_RULES).find((r) => r.kind === kind) as JournalRule;
}

export function journalRuleOf(eventType: string): JournalRule | undefined {
  return Object.prototype.hasOwnProperty.call(JOURNAL_RULES, eventType) ? JOURNAL_RULES[eventType] : undefined;
}

/** The saksstatus a case has in the archive in a state of the duty to act. */
export function saksstatusOf(state: string): 'Under behandling' | 'Avsluttet' {
  return state === 'closed' ? 'Avsluttet' : 'Under behandling';
}

/** The saksmappe's title: what the case is about, never who (skjermet tittel). */
export function caseTitleOf(regime: Regime): string {
  const law = REGIME_LAW[regime];
  return `Sak om ${law.child === 'elev' ? 'skolemiljøet' : 'barnehagemiljøet'} til ${law.child === 'elev' ? 'en elev' : 'et barn'} (aktivitetsplikten, ${law.dutyToAct})`;
}

/** The case number as the archive writes it: saksår/sakssekvensnummer. */
export function caseNumberOf(year: number, seq: number): string {
  return `${year}/${seq}`;
}

/** The journal number: journalår/journalsekvensnummer. */
export function journalNumberOf(year: number, seq: number): string {
  return `${year}/${seq}`;
}

/** A document's content as the PDF shows it: headed sections of labelled fields. */
export interface JournalDocument {
  title: string;
  unitName: string;
  legalBasis: string[];
  at: Date;
  author: string;
  sections: Array<{ heading?: string; fields: Array<[label: string, value: string]> }>;
}

/** What the rule reads to write the document: the entry, and the case around it. */
export interface JournalSource {
  event: { type: string; at: Date; actorUserId: string | null; actorRole: string | null; payload: Record<string, unknown> };
  regime: Regime;
  unitName: string;
  legalBasis: string[];
  /** The plan as approved (APPROVE_PLAN). */
  plan: Plan | null;
  childNames: string[];
  userNames: Map<string, string>;
}

const ROLE: Record<string, string> = {
  staff: 'ansatt',
  principal: 'leder',
  owner: 'eier',
  coordinator: 'stafettholder',
  ppt: 'PPT',
  system: 'Trygg',
};
const REASON: Record<string, string> = { serious: 'Alvorlig sak', staff_offence: 'En som arbeider der, krenket barnet' };
const yesNo = (v: unknown) => (v ? 'Ja' : 'Nei');
const text = (v: unknown) => (typeof v === 'string' && v.trim() ? v : '–');
/** A label of the case file's, starting a field value. */
const said = (labels: Record<string, string>, code: unknown) => {
  const l = labels[code as string];
  return l ? l[0].toUpperCase() + l.slice(1) : text(code);
};

/** The document a journalled entry is, in bokmål (the archive's written form). */
export function journalDocumentOf(src: JournalSource, rule: JournalRule): JournalDocument {
  const { event: e, userNames } = src;
  const law = REGIME_LAW[src.regime];
  const name = (id: unknown) => (typeof id === 'string' ? (userNames.get(id) ?? id) : '–');
  const author = e.actorUserId ? `${name(e.actorUserId)} (${ROLE[e.actorRole ?? ''] ?? e.actorRole ?? ''})` : 'Trygg (automatisk)';
  const p = e.payload;
  const base = {
    title: rule.title(law, e.payload),
    unitName: src.unitName,
    legalBasis: src.legalBasis,
    at: e.at,
    author,
  };
  switch (rule.kind) {
    case 'concern':
      return {
        ...base,
        sections: [
          {
            fields: [
              [law.child === 'elev' ? 'Elev(er)' : 'Barn', src.childNames.join(', ') || '–'],
              ['Hva skjedde', text(p.concern)],
              ['Kilde', said(SOURCE_LABELS, p.source)],
              ['Når det skjedde', typeof p.occurredAt === 'string' ? p.occurredAt : '–'],
              ['Barnet sier selv at det ikke er trygt', yesNo(p.childSaysUnsafe)],
              ['En som arbeider der, krenket', yesNo(p.staffOffender)],
              ['Det gjelder ledelsen', yesNo(p.offenderIsLeadership)],
            ],
          },
        ],
      };
    case 'investigation_conclusion':
      return {
        ...base,
        sections: [
          {
            fields: [
              ['Konklusjon', said(OUTCOME_LABELS, p.outcome)],
              ['Sammendrag av undersøkelsen', text(p.summary)],
              ['Barnets beste', text(p.bestInterest)],
            ],
          },
        ],
      };
    case 'approved_plan': {
      const plan = src.plan;
      if (!plan) return { ...base, sections: [{ fields: [['Plan', '–']] }] };
      return {
        ...base,
        sections: [
          {
            fields: [
              ['Versjon', String(plan.version)],
              ['Problemet', plan.problem],
              ['Når planen evalueres', plan.evaluateAt],
              ['Barnets medvirkning', text(plan.childParticipation)],
              ['Foreldrenes medvirkning', text(plan.parentsInvolved)],
              ['Levert av', name(plan.submittedBy)],
              ['Godkjent av', name(e.actorUserId)],
            ],
          },
          ...plan.measures.map((m, i) => ({
            heading: `Tiltak ${i + 1}`,
            fields: [
              ['Tiltak', m.description],
              ['FFSS', m.ffss ?? '–'],
              ['Når', m.when],
              ['Hvem', name(m.responsibleUserId)],
              ['Evalueres', m.evaluateAt],
            ] as Array<[string, string]>,
          })),
        ],
      };
    }
    case 'evaluation':
      return {
        ...base,
        sections: [
          {
            fields: [
              ['Resultat', said(OUTCOME_LABELS, p.outcome)],
              ['Vurdering', text(p.summary)],
              ['Barnets stemme', text(p.childVoice)],
              ['Neste evaluering', typeof p.nextEvaluationAt === 'string' ? p.nextEvaluationAt : '–'],
            ],
          },
        ],
      };
    case 'owner_notification':
      return {
        ...base,
        sections: [
          {
            fields: [
              ['Grunn', REASON[p.reason as string] ?? text(p.reason)],
              ['Varslet', Array.isArray(p.to) ? p.to.map(name).join(', ') || '–' : '–'],
            ],
          },
        ],
      };
    case 'sf_decision':
      return {
        ...base,
        sections: [
          {
            fields: [
              ['Vedtaksdato', text(p.decidedAt ?? p.at)],
              ['Krav', Array.isArray(p.requirements) ? p.requirements.join('\n') : '–'],
              ['Frist', typeof p.deadline === 'string' ? p.deadline : '–'],
            ],
          },
        ],
      };
  }
}
