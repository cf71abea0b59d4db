/**
 * What the use cases need from the outside world, one port per file. Infrastructure libs
 * implement these; nothing here knows about TypeORM, Nest or BullMQ.
 */
export * from './token';
export * from './clock.port';
export * from './user-context';
export * from './directory.port';
export * from './case-record';
export * from './staircase-store.port';
export * from './case-store.port';
export * from './policy-provider.port';
export * from './owner-settings-store.port';
export * from './notification-store.port';
export * from './deadline-step-store.port';
export * from './access-log.port';
export * from './retention-store.port';
export * from './outbox-store.port';
export * from './email-delivery-store.port';
export * from './omni-reminder-store.port';
export * from './journal.port';
export * from './archive-deposit.port';
export * from './archive-transport.port';
