export * from './retention.usecases';
