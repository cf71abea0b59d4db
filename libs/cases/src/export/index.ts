export * from './case-file';
export * from './export-case-file.query';
