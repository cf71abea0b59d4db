export * from './group-staircase.usecases';
export * from './remind-omni-assessments.usecase';
