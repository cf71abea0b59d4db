import cluster from 'node:cluster';
import path from 'node:path';
import { loadConfig, clockFromConfig, ConfigError } from '../../../libs/platform/src';
import { TokenVerifier } from '../../../libs/identity/src';
import { runApiCluster } from './api-cluster';
import { createApiApp } from './create-api-app';

async function main(): Promise<void> {
  const config = loadConfig();
  if (!config.DATABASE_URL || !config.REDIS_URL) {
    throw new ConfigError('DATABASE_URL and REDIS_URL are required to run the API on its own (npm start sets them for you)');
  }
  if (cluster.isPrimary && (config.API_PROCESSES ?? 1) > 1) return runApiCluster(config.API_PROCESSES!, config.PORT);
  const publicUrl = (config.PUBLIC_URL ?? `http://localhost:${config.PORT}`).replace(/\/+$/, '');
  const app = await createApiApp({
    databaseUrl: config.DATABASE_URL,
    redisUrl: config.REDIS_URL,
    clock: clockFromConfig(config),
    verifier: new TokenVerifier({
      production: config.NODE_ENV === 'production',
      jwksUrl: config.JWKS_URL,
      issuer: config.JWT_ISSUER,
      audience: config.JWT_AUDIENCE,
      usernameClaim: config.JWT_USERNAME_CLAIM,
      maxLifetimeSeconds: config.TOKEN_MAX_LIFETIME_MINUTES * 60,
    }),
    logLevel: config.LOG_LEVEL,
    environment: config.NODE_ENV,
    rateLimits:
      config.RATE_LIMIT_PER_MINUTE === 0
        ? false
        : {
            perMinute: config.RATE_LIMIT_PER_MINUTE,
            writesPerMinute: config.RATE_LIMIT_WRITES_PER_MINUTE,
            authFailuresPerMinute: config.RATE_LIMIT_AUTH_FAILURES_PER_MINUTE,
          },
    metricsToken: config.METRICS_TOKEN,
    trustProxy: config.TRUST_PROXY,
    publicUrl,
    oidc: config.OIDC_ISSUER_URL
      ? {
          issuerUrl: config.OIDC_ISSUER_URL,
          clientId: config.OIDC_CLIENT_ID!,
          clientSecret: config.OIDC_CLIENT_SECRET!,
          redirectUri: `${publicUrl}/api/auth/oidc/callback`,
          postLogoutRedirectUri: `${publicUrl}/logg-inn`,
          usernameClaim: config.OIDC_USERNAME_CLAIM,
          scope: config.OIDC_SCOPE,
          // A provider on plain http is accepted on loopback only (the test harness's).
          allowHttp: /^http:\/\/(127\.0\.0\.1|localhost)[:/]/.test(config.OIDC_ISSUER_URL),
        }
      : undefined,
    webDist: path.resolve(__dirname, '..', '..', 'web'),
  });
  await app.listen(config.PORT, config.HOST ?? (config.NODE_ENV === 'production' ? '0.0.0.0' : '127.0.0.1'));
  process.send?.({ ready: 'api', port: config.PORT });
}

main().catch((e) => {
  console.error(e instanceof ConfigError ? e.message : e);
  process.exit(1);
});
