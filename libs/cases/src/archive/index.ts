export * from './journal-rules';
export * from './journal-entries';
export * from './case-journal.query';
export * from './archive-deposit.usecase';
export * from './send-to-archive.usecase';
export * from './saksansvarlig';
