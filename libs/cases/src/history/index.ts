export * from './personal-content';
export * from './event-chain';
