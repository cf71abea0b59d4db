export * from './supervision.report';
export * from './supervision.queries';
