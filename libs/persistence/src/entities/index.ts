import { AccessLogEntity, CaseEntity, CaseEventContentEntity, CaseEventEntity, DeadlineEntity } from './case.entities';
import { ChildEntity, GroupEntity, OwnerEntity, UnitEntity, UserEntity, UserRoleEntity } from './directory.entities';

export * from './case.entities';
export * from './directory.entities';

export const ENTITIES = [
  OwnerEntity,
  UnitEntity,
  GroupEntity,
  ChildEntity,
  UserEntity,
  UserRoleEntity,
  CaseEntity,
  CaseEventEntity,
  CaseEventContentEntity,
  AccessLogEntity,
  DeadlineEntity,
];
