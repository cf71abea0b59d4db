export * from './case-file';
export * from './export-case-file.query';
export * from './document-labels';
