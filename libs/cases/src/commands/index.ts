export * from './command.usecase';
export * from './case-commands';
