export * from './my-notifications.usecases';
