export * from './handle-deadline-step.usecase';
export * from './start-evaluation-on-date.usecase';
