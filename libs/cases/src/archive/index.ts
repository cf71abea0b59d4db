export * from './journal-rules';
export * from './journal-entries';
export * from './case-journal.query';
export * from './archive-deposit.usecase';
