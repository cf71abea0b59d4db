export * from './deadline-policy.view';
export * from './get-deadline-policy.query';
export * from './change-deadline-policy.usecase';
export * from './school-holidays.usecases';
export * from './guidance.usecases';
export * from './language.usecases';
export * from './versioned-setting';
