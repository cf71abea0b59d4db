export * from './case-reader';
export * from './verify-case-history.query';
export * from './case-access-log.query';
export * from './refuse-read-only-write.usecase';
export * from './verify-all-histories.usecase';
