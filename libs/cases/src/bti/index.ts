export * from './bti-commands';
export * from './bti-log.query';
