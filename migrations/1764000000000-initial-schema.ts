import { MigrationInterface, QueryRunner } from 'typeorm';

/** The first schema: organisation, cases with their append-only history, and deadlines as rows. */
export class InitialSchema1764000000000 implements MigrationInterface {
  name = 'InitialSchema1764000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE owners (
        id uuid PRIMARY KEY,
        name text NOT NULL
      );
      CREATE TABLE units (
        id uuid PRIMARY KEY,
        owner_id uuid NOT NULL REFERENCES owners(id),
        name text NOT NULL,
        kind text NOT NULL CHECK (kind IN ('school', 'kindergarten'))
      );
      CREATE INDEX units_owner_idx ON units(owner_id);
      CREATE TABLE groups (
        id uuid PRIMARY KEY,
        unit_id uuid NOT NULL REFERENCES units(id),
        name text NOT NULL
      );
      CREATE INDEX groups_unit_idx ON groups(unit_id);
      CREATE TABLE children (
        id uuid PRIMARY KEY,
        unit_id uuid NOT NULL REFERENCES units(id),
        group_id uuid REFERENCES groups(id),
        name text NOT NULL
      );
      CREATE INDEX children_unit_idx ON children(unit_id);
      CREATE TABLE users (
        id uuid PRIMARY KEY,
        username text NOT NULL UNIQUE,
        display_name text NOT NULL,
        owner_id uuid NOT NULL REFERENCES owners(id),
        email text
      );
      CREATE TABLE user_roles (
        id uuid PRIMARY KEY,
        user_id uuid NOT NULL REFERENCES users(id),
        role text NOT NULL CHECK (role IN ('staff', 'principal', 'owner', 'ppt', 'auditor')),
        owner_id uuid NOT NULL REFERENCES owners(id),
        unit_id uuid REFERENCES units(id),
        CHECK ((role IN ('staff', 'principal')) = (unit_id IS NOT NULL))
      );
      CREATE UNIQUE INDEX user_roles_unique ON user_roles(user_id, role, owner_id, unit_id) NULLS NOT DISTINCT;

      CREATE TABLE cases (
        id uuid PRIMARY KEY,
        owner_id uuid NOT NULL REFERENCES owners(id),
        unit_id uuid NOT NULL REFERENCES units(id),
        group_id uuid REFERENCES groups(id),
        regime text NOT NULL CHECK (regime IN ('school', 'kindergarten')),
        state text NOT NULL,
        version int NOT NULL CHECK (version >= 1),
        machine_version int NOT NULL,
        snapshot jsonb NOT NULL,
        handled_by text NOT NULL CHECK (handled_by IN ('principal', 'owner')),
        serious boolean NOT NULL DEFAULT false,
        child_ids uuid[] NOT NULL,
        involved_user_ids uuid[] NOT NULL,
        opened_by uuid NOT NULL REFERENCES users(id),
        source text NOT NULL,
        concern text NOT NULL,
        occurred_at timestamptz,
        opened_at timestamptz NOT NULL,
        closed_at timestamptz,
        updated_at timestamptz NOT NULL
      );
      CREATE INDEX cases_list_idx ON cases(owner_id, opened_at DESC, id DESC);
      CREATE INDEX cases_unit_idx ON cases(unit_id, opened_at DESC, id DESC);
      CREATE INDEX cases_children_idx ON cases USING gin(child_ids);
      CREATE INDEX cases_involved_idx ON cases USING gin(involved_user_ids);

      CREATE TABLE case_events (
        id bigserial PRIMARY KEY,
        case_id uuid NOT NULL REFERENCES cases(id),
        seq int NOT NULL CHECK (seq >= 1),
        type text NOT NULL,
        actor_user_id uuid REFERENCES users(id),
        actor_role text,
        at timestamptz NOT NULL,
        payload jsonb NOT NULL,
        recorded_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT case_events_seq_unique UNIQUE (case_id, seq)
      );

      CREATE TABLE deadlines (
        id uuid PRIMARY KEY,
        case_id uuid NOT NULL REFERENCES cases(id),
        kind text NOT NULL,
        ref text NOT NULL DEFAULT '',
        due_at timestamptz NOT NULL,
        status text NOT NULL CHECK (status IN ('pending', 'met', 'cancelled')),
        responsible_user_id uuid REFERENCES users(id),
        basis jsonb NOT NULL,
        policy_version int NOT NULL,
        created_at timestamptz NOT NULL,
        resolved_at timestamptz
      );
      CREATE UNIQUE INDEX deadlines_one_pending ON deadlines(case_id, kind, ref) WHERE status = 'pending';
      CREATE INDEX deadlines_case_idx ON deadlines(case_id);
      CREATE INDEX deadlines_responsible_idx ON deadlines(responsible_user_id, due_at) WHERE status = 'pending';
      CREATE INDEX deadlines_due_idx ON deadlines(due_at) WHERE status = 'pending';
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE deadlines; DROP TABLE case_events; DROP TABLE cases;
      DROP TABLE user_roles; DROP TABLE users; DROP TABLE children; DROP TABLE groups;
      DROP TABLE units; DROP TABLE owners;
    `);
  }
}
