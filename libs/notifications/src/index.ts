export * from './notification-email.composer';
export * from './smtp.mailer';
export * from './send-notification-email.usecase';
