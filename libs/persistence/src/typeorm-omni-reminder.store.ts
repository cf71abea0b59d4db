import { DataSource } from 'typeorm';
import { NewNotification, OmniReminderStore, PrincipalGroup } from '../../cases/src/ports';
import { insertNotifications } from './case-writes.sql';

export class TypeormOmniReminderStore implements OmniReminderStore {
  constructor(private readonly ds: DataSource) {}

  async principalGroups(): Promise<PrincipalGroup[]> {
    const rows: Array<{ user_id: string; owner_id: string; unit_id: string; group_id: string }> = await this.ds.query(
      `SELECT r.user_id, r.owner_id, g.unit_id, g.id AS group_id
       FROM user_roles r JOIN groups g ON g.unit_id = r.unit_id
       WHERE r.role = 'principal' ORDER BY g.unit_id, g.id`,
    );
    return rows.map((r) => ({ userId: r.user_id, ownerId: r.owner_id, unitId: r.unit_id, groupId: r.group_id }));
  }

  async notify(notifications: NewNotification[], at: Date): Promise<void> {
    await this.ds.transaction((m) => insertNotifications(m, notifications, at));
  }
}
