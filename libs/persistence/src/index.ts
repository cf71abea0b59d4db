export * from './entities';
export * from './data-source';
export * from './typeorm-case.store';
export * from './typeorm-directory';
export * from './default-policy.provider';
export * from './seed/demo-data';
export * from './seed/seed-demo';
