import { randomUUID } from 'node:crypto';
import { STAIRCASE_LABELS, StaircaseStep, toOsloIso } from '../../../workflow/src';
import { ForbiddenError, NotFoundError } from '../errors';
import { Clock, Directory, GroupInfo, StaircaseAssessment, StaircaseStore, UnitInfo, UserContext } from '../ports';

export interface StaircaseAssessmentView {
  id: string;
  groupId: string;
  unitId: string;
  step: number;
  label: string;
  basis: string;
  caseId: string | null;
  assessedBy: string;
  assessedAt: string;
}

export interface GroupStaircaseView {
  groupId: string;
  unitId: string;
  name: string;
  currentStep: number | null;
  currentLabel: string | null;
  /** Every assessment, newest first, in cases and outside them. */
  history: StaircaseAssessmentView[];
}

const view = (a: StaircaseAssessment): StaircaseAssessmentView => ({
  id: a.id,
  groupId: a.groupId,
  unitId: a.unitId,
  step: a.step,
  label: STAIRCASE_LABELS[a.step as StaircaseStep],
  basis: a.basis,
  // Which case an assessment came from is shown only as an id; the case itself stays behind its own access rules.
  caseId: a.caseId,
  assessedBy: a.assessedBy,
  assessedAt: toOsloIso(a.assessedAt),
});

/**
 * Omni-trappa for a group outside any case: the unit's staff and principal assess it (e.g. twice a
 * year); they, the owner and auditors read its history. A group is not a child: no personal data.
 */
export class GroupStaircase {
  constructor(
    private readonly directory: Directory,
    private readonly staircase: StaircaseStore,
    private readonly clock: Clock,
  ) {}

  async get(user: UserContext, groupId: string): Promise<GroupStaircaseView> {
    const { group } = await this.visibleGroup(user, groupId);
    const history = (await this.staircase.history(groupId)).map(view);
    const current = history[0];
    return {
      groupId,
      unitId: group.unitId,
      name: group.name,
      currentStep: current?.step ?? null,
      currentLabel: current?.label ?? null,
      history,
    };
  }

  async assess(user: UserContext, groupId: string, input: { step: StaircaseStep; basis: string }): Promise<GroupStaircaseView> {
    const { group, unit } = await this.visibleGroup(user, groupId);
    const works = user.roles.some((r) => (r.role === 'staff' || r.role === 'principal') && r.unitId === unit.id);
    if (!works)
      throw new ForbiddenError("the group's step is assessed by staff and the principal of its unit", 'staff or principal of the unit');
    await this.staircase.add({
      id: randomUUID(),
      ownerId: unit.ownerId,
      unitId: unit.id,
      groupId: group.id,
      step: input.step,
      basis: input.basis,
      caseId: null,
      assessedBy: user.id,
      assessedAt: this.clock.now(),
    });
    return this.get(user, groupId);
  }

  private async visibleGroup(user: UserContext, groupId: string): Promise<{ group: GroupInfo; unit: UnitInfo }> {
    const group = await this.directory.group(groupId);
    const unit = group && (await this.directory.unit(group.unitId));
    const sees =
      unit &&
      user.roles.some(
        (r) =>
          ((r.role === 'staff' || r.role === 'principal') && r.unitId === unit.id) ||
          ((r.role === 'owner' || r.role === 'auditor') && r.ownerId === unit.ownerId),
      );
    if (!group || !unit || !sees) throw new NotFoundError('group not found');
    return { group, unit };
  }
}
