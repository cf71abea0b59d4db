import { Guidance, Suggestion, suggestionsFor } from '../../workflow/src';
import { CaseRecord, Directory, OwnerSettingsStore, StaircaseStore } from './ports';

export interface OmniExtras {
  staircaseStep: number | null;
  suggestions: Suggestion[];
}

/**
 * Where a case's group stands on the Omni-trappa, and what the owner's guidance suggests. A case
 * belongs to its group, or else to the groups of its children (the highest step counts).
 */
export class OmniInsight {
  constructor(
    private readonly directory: Directory,
    private readonly staircase: StaircaseStore,
    private readonly settings: OwnerSettingsStore,
  ) {}

  async guidance(ownerId: string): Promise<Guidance> {
    return (await this.settings.currentGuidance(ownerId)).guidance;
  }

  async staircaseStep(rec: CaseRecord): Promise<number | null> {
    return (await this.forCases([rec])).get(rec.id)?.staircaseStep ?? null;
  }

  async forCases(recs: CaseRecord[]): Promise<Map<string, OmniExtras>> {
    const groupsOf = new Map<string, string[]>();
    // The groups of every child on the page in one query, not one per unit.
    const byChild = await this.directory.groupsOfChildren([...new Set(recs.filter((r) => !r.groupId).flatMap((r) => r.childIds))]);
    for (const rec of recs) {
      groupsOf.set(rec.id, rec.groupId ? [rec.groupId] : rec.childIds.map((id) => byChild.get(id)).filter((g): g is string => !!g));
    }
    const steps = await this.staircase.latestSteps([...new Set([...groupsOf.values()].flat())]);
    const guidance = new Map<string, Guidance>();
    const out = new Map<string, OmniExtras>();
    for (const rec of recs) {
      const known = (groupsOf.get(rec.id) ?? []).map((g) => steps.get(g)).filter((s): s is number => s !== undefined);
      const staircaseStep = known.length ? Math.max(...known) : null;
      if (!guidance.has(rec.ownerId)) guidance.set(rec.ownerId, await this.guidance(rec.ownerId));
      const ctx = rec.snapshot.context;
      const suggestions = suggestionsFor(
        { staircaseStep, serious: ctx.serious, btiLevel: rec.bti.context.level, closed: rec.state === 'closed' },
        guidance.get(rec.ownerId)!,
      );
      out.set(rec.id, { staircaseStep, suggestions });
    }
    return out;
  }
}
