import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The organisation: owners (kommune), units (school / kindergarten), groups, children, users. */
@Entity('owners')
export class OwnerEntity {
  @PrimaryColumn('uuid') id: string;
  @Column('text') name: string;
}

@Entity('units')
export class UnitEntity {
  @PrimaryColumn('uuid') id: string;
  @Column('uuid', { name: 'owner_id' }) ownerId: string;
  @Column('text') name: string;
  @Column('text') kind: 'school' | 'kindergarten';
}

@Entity('groups')
export class GroupEntity {
  @PrimaryColumn('uuid') id: string;
  @Column('uuid', { name: 'unit_id' }) unitId: string;
  @Column('text') name: string;
}

@Entity('children')
export class ChildEntity {
  @PrimaryColumn('uuid') id: string;
  @Column('uuid', { name: 'unit_id' }) unitId: string;
  @Column('uuid', { name: 'group_id', nullable: true }) groupId: string | null;
  @Column('text') name: string;
}

@Entity('users')
export class UserEntity {
  @PrimaryColumn('uuid') id: string;
  @Column('text', { unique: true }) username: string;
  @Column('text', { name: 'display_name' }) displayName: string;
  @Column('uuid', { name: 'owner_id' }) ownerId: string;
  @Column('text', { nullable: true }) email: string | null;
}

@Entity('user_roles')
export class UserRoleEntity {
  @PrimaryColumn('uuid') id: string;
  @Column('uuid', { name: 'user_id' }) userId: string;
  @Column('text') role: 'staff' | 'principal' | 'owner' | 'ppt' | 'auditor' | 'admin';
  @Column('uuid', { name: 'owner_id' }) ownerId: string;
  /** Null for roles held at owner level (owner, ppt, auditor). */
  @Column('uuid', { name: 'unit_id', nullable: true }) unitId: string | null;
}
