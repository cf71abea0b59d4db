import { toOsloIso } from '../../../workflow/src';
import { InvalidInputError, NotFoundError } from '../errors';
import { Clock, NotificationKind, NotificationRecord, NotificationStore, UserContext } from '../ports';

export interface NotificationView {
  id: string;
  kind: NotificationKind;
  /** What it is about, in words, without personal data. */
  message: string;
  unitId: string | null;
  caseId: string | null;
  groupId: string | null;
  deadlineId: string | null;
  createdAt: string;
  read: boolean;
  readAt: string | null;
  email: NotificationRecord['emailStatus'];
}

const MESSAGE: Record<NotificationKind, string> = {
  owner_informed: 'The owner is informed of a case (serious or staff offence)',
  case_acknowledged: 'The concern you reported is taken up by the principal',
  deadline_reminder: 'A deadline is near',
  deadline_overdue: 'A deadline has passed',
  deadline_escalated: 'An overdue item was escalated to you',
  evaluation_started: 'The evaluation date has come: evaluate the plan',
  omni_assessment_due: 'Assess the Omni-trappa step of the group',
};

function view(n: NotificationRecord): NotificationView {
  return {
    id: n.id,
    kind: n.kind,
    message: MESSAGE[n.kind],
    unitId: n.unitId,
    caseId: n.caseId,
    groupId: n.groupId,
    deadlineId: n.deadlineId,
    createdAt: toOsloIso(n.createdAt),
    read: n.readAt !== null,
    readAt: n.readAt ? toOsloIso(n.readAt) : null,
    email: n.emailStatus,
  };
}

/** The signed-in user's notifications, newest first, with a cursor. */
export class GetMyNotifications {
  constructor(private readonly store: NotificationStore) {}

  async execute(
    user: UserContext,
    q: { unread?: boolean; limit?: number; cursor?: string },
  ): Promise<{ items: NotificationView[]; nextCursor: string | null }> {
    const limit = q.limit ?? 50;
    let before: { createdAt: Date; id: string } | undefined;
    if (q.cursor) {
      try {
        const [at, id] = JSON.parse(Buffer.from(q.cursor, 'base64url').toString('utf8'));
        before = { createdAt: new Date(at), id };
        if (Number.isNaN(before.createdAt.getTime()) || typeof id !== 'string') throw new Error();
      } catch {
        throw new InvalidInputError([{ field: 'cursor', message: 'is not a cursor this API gave out' }]);
      }
    }
    const rows = await this.store.listFor(user.id, { unreadOnly: q.unread ?? false, limit: limit + 1, before });
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    const nextCursor =
      rows.length > limit && last ? Buffer.from(JSON.stringify([last.createdAt.toISOString(), last.id])).toString('base64url') : null;
    return { items: page.map(view), nextCursor };
  }
}

export class MarkNotificationRead {
  constructor(
    private readonly store: NotificationStore,
    private readonly clock: Clock,
  ) {}

  async execute(user: UserContext, id: string): Promise<NotificationView> {
    const n = await this.store.markRead(user.id, id, this.clock.now());
    if (!n) throw new NotFoundError('notification not found');
    return view(n);
  }
}
