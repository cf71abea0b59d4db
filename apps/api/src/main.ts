import { loadConfig, clockFromConfig, ConfigError } from '../../../libs/platform/src';
import { TokenVerifier } from '../../../libs/identity/src';
import { createApiApp } from './create-api-app';

async function main(): Promise<void> {
  const config = loadConfig();
  if (!config.DATABASE_URL || !config.REDIS_URL) {
    throw new ConfigError('DATABASE_URL and REDIS_URL are required to run the API on its own (npm start sets them for you)');
  }
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
    }),
    logLevel: config.LOG_LEVEL,
  });
  await app.listen(config.PORT, process.env.HOST ?? '0.0.0.0');
  process.send?.({ ready: 'api', port: config.PORT });
}

main().catch((e) => {
  console.error(e instanceof ConfigError ? e.message : e);
  process.exit(1);
});
