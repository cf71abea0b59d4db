import { UserCache } from '../src/auth/user-cache';

describe('UserCache', () => {
  const user = (roles: string[]) =>
    ({
      id: 'u',
      username: 'u',
      displayName: 'U',
      ownerId: 'o',
      roles: roles.map((role) => ({ role, ownerId: 'o', unitId: null })),
    }) as never;

  it('reads a user once within the bound, again after it; an unknown user is never cached', async () => {
    let now = 0;
    let loads = 0;
    let roles = ['owner'];
    const cache = new UserCache(
      async (name) => (loads++, name === 'u' ? user(roles) : undefined),
      1000,
      () => now,
    );
    await cache.get('u');
    now = 999;
    roles = [];
    expect((await cache.get('u'))!.roles).toHaveLength(1);
    expect(loads).toBe(1);
    now = 1000;
    expect((await cache.get('u'))!.roles).toHaveLength(0);
    expect(loads).toBe(2);
    await cache.get('nobody');
    await cache.get('nobody');
    expect(loads).toBe(4);
  });

  it('with a bound of 0 every request reads the user', async () => {
    let loads = 0;
    const cache = new UserCache(
      async () => (loads++, user(['owner'])),
      0,
      () => 0,
    );
    await cache.get('u');
    await cache.get('u');
    expect(loads).toBe(2);
  });
});
