export * from './group-staircase.usecases';
