import { DEFAULT_GUIDANCE, ffssWarnings, suggestionsFor } from '../src';
import { completePlan } from './fixtures';

describe('Omni decision support (owner guidance, policy)', () => {
  const facts = { staircaseStep: 4, serious: false, btiLevel: 0, closed: false };

  it('suggests MARK_SERIOUS and BTI level 2+ from step 4, and drops each once done', () => {
    expect(suggestionsFor(facts, DEFAULT_GUIDANCE).map((s) => s.code)).toEqual(['MARK_SERIOUS', 'BTI_LEVEL_2_OR_HIGHER']);
    expect(suggestionsFor({ ...facts, serious: true }, DEFAULT_GUIDANCE).map((s) => s.code)).toEqual(['BTI_LEVEL_2_OR_HIGHER']);
    expect(suggestionsFor({ ...facts, serious: true, btiLevel: 2 }, DEFAULT_GUIDANCE)).toEqual([]);
    expect(suggestionsFor({ ...facts, staircaseStep: 3 }, DEFAULT_GUIDANCE)).toEqual([]);
    expect(suggestionsFor({ ...facts, staircaseStep: null }, DEFAULT_GUIDANCE)).toEqual([]);
    expect(suggestionsFor({ ...facts, closed: true }, DEFAULT_GUIDANCE)).toEqual([]);
  });

  it('merges rules without repeating a suggestion', () => {
    const g = {
      ...DEFAULT_GUIDANCE,
      rules: [
        { whenStepAtLeast: 2 as const, suggest: ['INVOLVE_PPT' as const] },
        { whenStepAtLeast: 3 as const, suggest: ['INVOLVE_PPT' as const, 'MARK_SERIOUS' as const] },
      ],
    };
    expect(suggestionsFor(facts, g).map((s) => s.code)).toEqual(['INVOLVE_PPT', 'MARK_SERIOUS']);
  });

  it('warns on a plan without stoppe or stotte from step 3, never below, never with one', () => {
    const soft = { ...completePlan, measures: completePlan.measures.map((m) => ({ ...m, ffss: 'fremme' as const })) };
    expect(ffssWarnings(soft, 3, DEFAULT_GUIDANCE)).toEqual([expect.objectContaining({ code: 'FFSS_NO_STOPPE_OR_STOTTE' })]);
    expect(ffssWarnings(soft, 2, DEFAULT_GUIDANCE)).toEqual([]);
    expect(ffssWarnings(soft, null, DEFAULT_GUIDANCE)).toEqual([]);
    expect(ffssWarnings(completePlan, 5, DEFAULT_GUIDANCE)).toEqual([]); // its measure is stoppe
    const untagged = { ...completePlan, measures: completePlan.measures.map(({ ffss: _f, ...m }) => m) };
    expect(ffssWarnings(untagged, 4, DEFAULT_GUIDANCE)).toHaveLength(1);
  });
});
