import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Deadlines that do their work: each deadline row carries its step schedule (reminder,
 * automatic start of evaluation, overdue, escalation to principal and owner) fixed at creation,
 * and when each step was done. Side effects leave through an outbox written in the same
 * transaction. Notifications, per-owner deadline policies and school holidays (skolerute).
 */
export class DeadlinesAtWork1764100000000 implements MigrationInterface {
  name = 'DeadlinesAtWork1764100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE user_roles DROP CONSTRAINT user_roles_role_check;
      ALTER TABLE user_roles ADD CONSTRAINT user_roles_role_check
        CHECK (role IN ('staff', 'principal', 'owner', 'ppt', 'auditor', 'admin'));

      ALTER TABLE deadlines
        ADD COLUMN rev int NOT NULL DEFAULT 1,
        ADD COLUMN remind_at timestamptz,
        ADD COLUMN reminded_at timestamptz,
        ADD COLUMN start_evaluation_at timestamptz,
        ADD COLUMN evaluation_started_at timestamptz,
        ADD COLUMN overdue_at timestamptz,
        ADD COLUMN escalate_principal_at timestamptz,
        ADD COLUMN escalated_principal_at timestamptz,
        ADD COLUMN escalate_owner_at timestamptz,
        ADD COLUMN escalated_owner_at timestamptz,
        ADD COLUMN escalated_to uuid[] NOT NULL DEFAULT '{}';
      -- Room on each page for updated row versions: a step's done mark then stays a HOT update
      -- (no index touched), which matters when a thousand deadlines fall due per second.
      ALTER TABLE deadlines SET (fillfactor = 70);
      CREATE INDEX deadlines_escalated_idx ON deadlines USING gin(escalated_to) WHERE status = 'pending';
      CREATE INDEX deadlines_pending_idx ON deadlines(id) WHERE status = 'pending';

      CREATE TABLE outbox (
        id bigserial PRIMARY KEY,
        topic text NOT NULL CHECK (topic IN ('deadline', 'email')),
        ref uuid NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      );

      CREATE TABLE notifications (
        id uuid PRIMARY KEY,
        dedupe_key text NOT NULL UNIQUE,
        user_id uuid NOT NULL REFERENCES users(id),
        owner_id uuid NOT NULL REFERENCES owners(id),
        unit_id uuid REFERENCES units(id),
        case_id uuid REFERENCES cases(id),
        group_id uuid REFERENCES groups(id),
        deadline_id uuid REFERENCES deadlines(id),
        kind text NOT NULL,
        created_at timestamptz NOT NULL,
        read_at timestamptz,
        email_status text NOT NULL CHECK (email_status IN ('none', 'pending', 'sent', 'skipped', 'failed')),
        emailed_at timestamptz,
        email_attempts int NOT NULL DEFAULT 0
      );
      CREATE INDEX notifications_user_idx ON notifications(user_id, created_at DESC, id DESC);
      CREATE INDEX notifications_email_pending_idx ON notifications(created_at) WHERE email_status = 'pending';

      CREATE TABLE deadline_policies (
        owner_id uuid NOT NULL REFERENCES owners(id),
        version int NOT NULL,
        policy jsonb NOT NULL,
        changed_by uuid REFERENCES users(id),
        changed_at timestamptz NOT NULL,
        PRIMARY KEY (owner_id, version)
      );

      CREATE TABLE school_holidays (
        id uuid PRIMARY KEY,
        owner_id uuid NOT NULL REFERENCES owners(id),
        unit_id uuid REFERENCES units(id),
        from_date date NOT NULL,
        to_date date NOT NULL,
        name text NOT NULL,
        created_by uuid REFERENCES users(id),
        created_at timestamptz NOT NULL,
        CHECK (to_date >= from_date)
      );
      CREATE INDEX school_holidays_owner_idx ON school_holidays(owner_id, from_date);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE school_holidays; DROP TABLE deadline_policies; DROP TABLE notifications; DROP TABLE outbox;
      DROP INDEX deadlines_pending_idx; DROP INDEX deadlines_escalated_idx;
      ALTER TABLE deadlines RESET (fillfactor);
      ALTER TABLE deadlines DROP COLUMN rev, DROP COLUMN remind_at, DROP COLUMN reminded_at,
        DROP COLUMN start_evaluation_at, DROP COLUMN evaluation_started_at, DROP COLUMN overdue_at,
        DROP COLUMN escalate_principal_at, DROP COLUMN escalated_principal_at,
        DROP COLUMN escalate_owner_at, DROP COLUMN escalated_owner_at, DROP COLUMN escalated_to;
      DELETE FROM user_roles WHERE role = 'admin';
      ALTER TABLE user_roles DROP CONSTRAINT user_roles_role_check;
      ALTER TABLE user_roles ADD CONSTRAINT user_roles_role_check
        CHECK (role IN ('staff', 'principal', 'owner', 'ppt', 'auditor'));
    `);
  }
}
