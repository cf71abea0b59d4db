import { DataSource } from 'typeorm';
import { NotificationRecord, NotificationStore } from '../../cases/src/ports';

export class TypeormNotificationStore implements NotificationStore {
  constructor(private readonly ds: DataSource) {}

  async listFor(
    userId: string,
    opts: { unreadOnly: boolean; limit: number; before?: { createdAt: Date; id: string } },
  ): Promise<NotificationRecord[]> {
    const params: unknown[] = [userId, opts.unreadOnly, opts.limit];
    let cursor = '';
    if (opts.before) {
      params.push(opts.before.createdAt, opts.before.id);
      cursor = 'AND (created_at, id) < ($4, $5::uuid)';
    }
    const rows = await this.ds.query(
      `SELECT * FROM notifications WHERE user_id = $1 AND (NOT $2::boolean OR read_at IS NULL) ${cursor}
       ORDER BY created_at DESC, id DESC LIMIT $3`,
      params,
    );
    return rows.map(toNotification);
  }

  async markRead(userId: string, id: string, at: Date): Promise<NotificationRecord | undefined> {
    const [rows] = await this.ds.query(
      `UPDATE notifications SET read_at = coalesce(read_at, $3) WHERE id = $1 AND user_id = $2 RETURNING *`,
      [id, userId, at],
    );
    return rows?.[0] ? toNotification(rows[0]) : undefined;
  }
}

function toNotification(r: Record<string, unknown>): NotificationRecord {
  return {
    id: r.id as string,
    userId: r.user_id as string,
    kind: r.kind as NotificationRecord['kind'],
    unitId: r.unit_id as string | null,
    caseId: r.case_id as string | null,
    groupId: r.group_id as string | null,
    deadlineId: r.deadline_id as string | null,
    createdAt: r.created_at as Date,
    readAt: r.read_at as Date | null,
    emailStatus: r.email_status as NotificationRecord['emailStatus'],
  };
}
