import { ChildEntity, GroupEntity, OwnerEntity, UnitEntity, UserEntity, UserRoleEntity } from './directory.entities';

export * from './directory.entities';

/**
 * Entities only for the directory, which TypeormDirectory reads through repositories. The case
 * tables are written and read with SQL (case-writes.sql.ts, typeorm-case.store.ts): one
 * statement per write with a version check, which a repository's save() cannot give.
 */
export const ENTITIES = [OwnerEntity, UnitEntity, GroupEntity, ChildEntity, UserEntity, UserRoleEntity];
