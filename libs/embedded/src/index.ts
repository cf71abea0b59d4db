export * from './free-port';
export * from './embedded-postgres';
export * from './redis-server';
export * from './system-tools';
export * from './child-process';
export * from './supervisor';
