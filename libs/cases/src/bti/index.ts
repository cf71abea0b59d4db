export * from './bti-log.query';
