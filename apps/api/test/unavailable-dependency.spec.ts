import { unavailableDependency } from '../src/errors/unavailable-dependency';

/** Which outages are a 503 (and which dependency they name); everything else stays what it is. */
describe('unavailableDependency', () => {
  const err = (props: Record<string, unknown>) => Object.assign(new Error(String(props.message ?? '')), props);

  it.each([
    [{ code: 'ECONNREFUSED', message: 'connect ECONNREFUSED 127.0.0.1:5432' }, 'PostgreSQL'],
    [{ message: 'Connection terminated unexpectedly' }, 'PostgreSQL'],
    [{ message: 'timeout exceeded when trying to connect' }, 'PostgreSQL'],
    [
      { name: 'QueryFailedError', driverError: { code: '57P01', message: 'terminating connection due to administrator command' } },
      'PostgreSQL',
    ],
    [{ code: '57P03', message: 'the database system is starting up' }, 'PostgreSQL'],
    [{ code: '08006', message: 'connection failure' }, 'PostgreSQL'],
    [{ code: '53300', message: 'sorry, too many clients already' }, 'PostgreSQL'],
    [
      { name: 'QueryRunnerProviderAlreadyReleasedError', message: 'Database connection provided by a query runner was already released' },
      'PostgreSQL',
    ],
    [{ name: 'MaxRetriesPerRequestError', message: 'Reached the max retries per request limit' }, 'Redis'],
    [{ message: "Stream isn't writeable and enableOfflineQueue options is false" }, 'Redis'],
    [{ message: 'Connection is closed.' }, 'Redis'],
    [{ code: 'ECONNREFUSED', message: 'connect ECONNREFUSED', stack: 'Error\n    at node_modules/ioredis/built/Redis.js:1:1' }, 'Redis'],
  ])('%j is %s being away', (props, dependency) => {
    expect(unavailableDependency(err(props))).toBe(dependency);
  });

  it.each([
    [{ name: 'QueryFailedError', driverError: { code: '23505', message: 'duplicate key value violates unique constraint' } }],
    [{ name: 'QueryFailedError', driverError: { code: '22P02', message: 'invalid input syntax for type uuid' } }],
    [{ name: 'TypeError', message: "Cannot read properties of undefined (reading 'x')" }],
  ])('%j is not an outage', (props) => {
    expect(unavailableDependency(err(props))).toBeUndefined();
  });

  it('is undefined for things that are not errors', () => {
    expect(unavailableDependency(undefined)).toBeUndefined();
    expect(unavailableDependency('ECONNREFUSED')).toBeUndefined();
  });
});
