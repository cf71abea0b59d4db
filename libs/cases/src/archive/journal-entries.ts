import { createHash, randomUUID } from 'node:crypto';
import { Plan, Regime } from '../../../workflow/src';
import { Directory, JournalRenderer, NewEvent, NewJournalEntry, UnitInfo } from '../ports';
import { journalDocumentOf, journalRuleOf } from './journal-rules';

/** The case around the entries being written, as the command has it in hand. */
export interface JournalCase {
  ownerId: string;
  unit: UnitInfo;
  regime: Regime;
  childIds: string[];
  legalBasis: string[];
  /** The plan after the command (the approved one, for APPROVE_PLAN). */
  plan: Plan | null;
}

/**
 * The journal entries a transaction's events owe, each with its document rendered as PDF/A and
 * its SHA-256: computed before the transaction, written in it (the store numbers them).
 */
export async function journalEntriesFor(
  events: NewEvent[],
  c: JournalCase,
  deps: { directory: Directory; renderer: JournalRenderer },
): Promise<NewJournalEntry[]> {
  const due = events.map((e, i) => ({ e, i, rule: journalRuleOf(e.type) })).filter((x) => x.rule);
  if (!due.length) return [];
  const ids = new Set<string>();
  for (const { e } of due) {
    if (e.actorUserId) ids.add(e.actorUserId);
    // The owner's people told of the case (OWNER_NOTIFIED) are named in its document.
    if (Array.isArray(e.payload.to)) e.payload.to.forEach((x) => typeof x === 'string' && ids.add(x));
  }
  if (c.plan) [c.plan.submittedBy, ...c.plan.measures.map((m) => m.responsibleUserId)].forEach((id) => ids.add(id));
  const [userNames, children] = await Promise.all([deps.directory.userNames([...ids]), deps.directory.children(c.unit.id)]);
  const childNames = children.filter((ch) => c.childIds.includes(ch.id)).map((ch) => ch.name);
  return Promise.all(
    due.map(async ({ e, i, rule }) => {
      const doc = journalDocumentOf(
        { event: e, regime: c.regime, unitName: c.unit.name, legalBasis: c.legalBasis, plan: c.plan, childNames, userNames },
        rule!,
      );
      const pdf = await deps.renderer.render(doc);
      return {
        id: randomUUID(),
        ownerId: c.ownerId,
        eventIndex: i,
        kind: rule!.kind,
        journalposttype: rule!.journalposttype,
        title: doc.title,
        publicTitle: doc.title,
        createdAt: e.at,
        createdBy: e.actorUserId,
        createdByRole: e.actorRole,
        document: pdf,
        sha256: createHash('sha256').update(pdf).digest('hex'),
      };
    }),
  );
}
