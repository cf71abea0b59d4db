import { ConfigError, loadConfig, OffsetClock, clockFromConfig, SystemClock, FixedClock } from '../src';

describe('configuration', () => {
  it('has working defaults', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({ NODE_ENV: 'development', PORT: 3000, DATA_DIR: './.data', LOG_LEVEL: 'info' });
    expect(c.DATABASE_URL).toBeUndefined();
  });

  it('names the variable and the rule when a value is wrong', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(ConfigError);
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT/);
    expect(() => loadConfig({ DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL/);
    expect(() => loadConfig({ TRYGG_NOW: 'tomorrow' })).toThrow(/TRYGG_NOW/);
    expect(() => loadConfig({ LOG_LEVEL: 'loud' })).toThrow(/LOG_LEVEL/);
  });

  it('production requires the OIDC settings and refuses TRYGG_NOW', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/JWKS_URL/);
    const prod = { NODE_ENV: 'production', JWKS_URL: 'https://idp.example/jwks', JWT_ISSUER: 'https://idp.example' };
    expect(loadConfig(prod).NODE_ENV).toBe('production');
    expect(() => loadConfig({ ...prod, TRYGG_NOW: '2027-05-17T08:00:00+02:00' })).toThrow(/TRYGG_NOW/);
  });
});

describe('clock', () => {
  it('TRYGG_NOW starts the clock at that instant and lets it run on', () => {
    const anchor = Date.now();
    const clock = new OffsetClock(new Date('2027-05-17T08:00:00+02:00'), anchor);
    const t0 = clock.now().getTime();
    expect(Math.abs(t0 - Date.parse('2027-05-17T06:00:00Z') - (Date.now() - anchor))).toBeLessThan(50);
  });

  it('is real time without TRYGG_NOW and in production', () => {
    expect(clockFromConfig({ NODE_ENV: 'development' })).toBeInstanceOf(SystemClock);
    expect(clockFromConfig({ NODE_ENV: 'production', TRYGG_NOW: '2027-01-01T00:00:00Z' })).toBeInstanceOf(SystemClock);
    expect(clockFromConfig({ NODE_ENV: 'development', TRYGG_NOW: '2027-01-01T00:00:00Z' })).toBeInstanceOf(OffsetClock);
  });

  it('a fixed clock only moves when told', () => {
    const c = new FixedClock(new Date('2027-01-01T00:00:00Z'));
    c.advance(1000);
    expect(c.now().toISOString()).toBe('2027-01-01T00:00:01.000Z');
  });
});
