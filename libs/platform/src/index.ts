export * from './config';
export * from './system.clock';
export * from './log-format';
export * from './clock';
export * from './node-flags';
