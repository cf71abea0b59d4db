import { plainToInstance, Transform } from 'class-transformer';
import { IsIn, IsInt, IsISO8601, IsOptional, IsString, IsUrl, Max, Min, ValidateIf, validateSync } from 'class-validator';

/**
 * Configuration from the environment, validated once at start. A bad value stops the process
 * with a message naming the variable and the rule, instead of failing later on first use.
 */
export class TryggConfig {
  @IsIn(['development', 'test', 'production'])
  NODE_ENV: 'development' | 'test' | 'production' = 'development';

  @Transform(({ value }) => (value === undefined || value === '' ? 3000 : Number(value)))
  @IsInt()
  @Min(0)
  @Max(65535)
  PORT = 3000;

  @IsString()
  DATA_DIR = './.data';

  @IsOptional()
  @IsUrl({ protocols: ['postgres', 'postgresql'], require_tld: false, require_protocol: true })
  DATABASE_URL?: string;

  @IsOptional()
  @IsUrl({ protocols: ['redis', 'rediss'], require_tld: false, require_protocol: true })
  REDIS_URL?: string;

  /** Non-production only: the clock starts at this instant and runs on from there. */
  @IsOptional()
  @IsISO8601({ strict: true })
  TRYGG_NOW?: string;

  /** Set by the launcher so every process measures TRYGG_NOW from the same real instant. */
  @IsOptional()
  @Transform(({ value }) => (value === undefined || value === '' ? undefined : Number(value)))
  @IsInt()
  TRYGG_CLOCK_ANCHOR?: number;

  @ValidateIf((c: TryggConfig) => c.NODE_ENV === 'production')
  @IsUrl({ require_tld: false, protocols: ['https', 'http'] })
  JWKS_URL?: string;

  @ValidateIf((c: TryggConfig) => c.NODE_ENV === 'production')
  @IsString()
  JWT_ISSUER?: string;

  @IsOptional()
  @IsString()
  JWT_AUDIENCE?: string;

  /** Which token claim holds the username (Feide: e.g. `eduPersonPrincipalName` mapped by the IdP). */
  @IsString()
  JWT_USERNAME_CLAIM = 'preferred_username';

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL = 'info';

  @IsOptional()
  @IsUrl({ require_tld: false })
  PUBLIC_URL?: string;

  /** E-mail notifications over SMTP, e.g. smtp://user:pass@mail.kommune.no:587. Unset: in-app only. */
  @IsOptional()
  @IsUrl({ protocols: ['smtp', 'smtps'], require_tld: false, require_protocol: true })
  SMTP_URL?: string;

  @IsString()
  MAIL_FROM = 'Trygg <no-reply@trygg.invalid>';

  /**
   * The municipality's Noark 5 archive service (Tjenestegrensesnitt v1.1), e.g.
   * https://arkiv.kommune.no/noark5v5/api. Unset: the archive gets deposit packages instead.
   */
  @IsOptional()
  @IsUrl({ require_tld: false, require_protocol: true })
  ARCHIVE_NOARK5_URL?: string;

  /** The systemID of the arkivdel the cases are filed under (required with ARCHIVE_NOARK5_URL). */
  @IsOptional()
  @IsString()
  ARCHIVE_NOARK5_ARKIVDEL?: string;

  /** Bearer token for the archive service, when it asks for one. */
  @IsOptional()
  @IsString()
  ARCHIVE_NOARK5_TOKEN?: string;

  /** Port of the worker's own GET /metrics. */
  @Transform(({ value }) => (value === undefined || value === '' ? 9464 : Number(value)))
  @IsInt()
  @Min(0)
  @Max(65535)
  WORKER_METRICS_PORT = 9464;

  @Transform(({ value }) => (value === undefined || value === '' ? 5 : Number(value)))
  @IsInt()
  @Min(1)
  @Max(1440)
  RECONCILE_EVERY_MINUTES = 5;

  /** A crashed worker's job runs again once its lock lapses (seconds). */
  @Transform(({ value }) => (value === undefined || value === '' ? 30 : Number(value)))
  @IsInt()
  @Min(1)
  @Max(600)
  JOB_LOCK_SECONDS = 30;

  /** When principals are asked to assess the Omni-trappa (cron, Europe/Oslo): 1 Feb and 1 Sep, 08:00. */
  @IsString()
  OMNI_REMINDER_CRON = '0 8 1 2,9 *';

  /** Interface the API listens on. Default: loopback outside production, every interface in production (containers). */
  @IsOptional()
  @IsString()
  HOST?: string;

  /** Interface of the worker's /metrics port; loopback unless told otherwise. */
  @IsString()
  METRICS_HOST = '127.0.0.1';

  /** When set, GET /metrics on the API answers `Authorization: Bearer <METRICS_TOKEN>`; otherwise only loopback clients. */
  @IsOptional()
  @IsString()
  METRICS_TOKEN?: string;

  /** Express "trust proxy" behind a reverse proxy (e.g. `loopback`, `1`, or the proxy's address). */
  @IsOptional()
  @IsString()
  TRUST_PROXY?: string;

  /**
   * How many API processes share the port (a Node cluster). `npm start` picks one per core when
   * unset; the API on its own runs one.
   */
  @IsOptional()
  @Transform(({ value }) => (value === undefined || value === '' ? undefined : Number(value)))
  @IsInt()
  @Min(1)
  @Max(32)
  API_PROCESSES?: number;

  /** Requests per minute per signed-in user (or per address); 0 turns rate limiting off. */
  @Transform(({ value }) => (value === undefined || value === '' ? 600 : Number(value)))
  @IsInt()
  @Min(0)
  RATE_LIMIT_PER_MINUTE = 600;

  /** Of those, requests that change something (POST, PUT, DELETE). */
  @Transform(({ value }) => (value === undefined || value === '' ? 120 : Number(value)))
  @IsInt()
  @Min(1)
  RATE_LIMIT_WRITES_PER_MINUTE = 120;

  /** Failed authentications per minute per address before it gets 429 for a minute. */
  @Transform(({ value }) => (value === undefined || value === '' ? 20 : Number(value)))
  @IsInt()
  @Min(1)
  RATE_LIMIT_AUTH_FAILURES_PER_MINUTE = 20;

  /** The owner's OpenID Connect provider for signing in to the web app (Feide: https://auth.dataporten.no). */
  @IsOptional()
  @IsUrl({ require_tld: false, protocols: ['https', 'http'], require_protocol: true })
  OIDC_ISSUER_URL?: string;

  @ValidateIf((c: TryggConfig) => !!c.OIDC_ISSUER_URL)
  @IsString()
  OIDC_CLIENT_ID?: string;

  @ValidateIf((c: TryggConfig) => !!c.OIDC_ISSUER_URL)
  @IsString()
  OIDC_CLIENT_SECRET?: string;

  /** The claim whose value is the Trygg username (e.g. email, or Feide's eduPersonPrincipalName claim). */
  @IsString()
  OIDC_USERNAME_CLAIM = 'preferred_username';

  @IsString()
  OIDC_SCOPE = 'openid profile email';

  /** The longest a bearer token may live (exp − iat), in minutes. */
  @Transform(({ value }) => (value === undefined || value === '' ? 720 : Number(value)))
  @IsInt()
  @Min(1)
  @Max(7 * 24 * 60)
  TOKEN_MAX_LIFETIME_MINUTES = 720;
}

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): TryggConfig {
  const known = Object.keys(new TryggConfig()).concat([
    'DATABASE_URL',
    'REDIS_URL',
    'TRYGG_NOW',
    'TRYGG_CLOCK_ANCHOR',
    'JWKS_URL',
    'JWT_ISSUER',
    'JWT_AUDIENCE',
    'PUBLIC_URL',
    'SMTP_URL',
    'HOST',
    'METRICS_TOKEN',
    'TRUST_PROXY',
    'OIDC_ISSUER_URL',
    'OIDC_CLIENT_ID',
    'OIDC_CLIENT_SECRET',
    'ARCHIVE_NOARK5_URL',
    'ARCHIVE_NOARK5_ARKIVDEL',
    'ARCHIVE_NOARK5_TOKEN',
  ]);
  const raw: Record<string, unknown> = {};
  for (const key of known) if (env[key] !== undefined && env[key] !== '') raw[key] = env[key];
  const config = plainToInstance(TryggConfig, raw);
  const problems = validateSync(config, { skipMissingProperties: false }).flatMap((e) =>
    Object.values(e.constraints ?? {}).map((m) => `${e.property}: ${m} (got ${JSON.stringify(raw[e.property] ?? null)})`),
  );
  if (config.NODE_ENV === 'production' && config.TRYGG_NOW) {
    problems.push('TRYGG_NOW: must not be set when NODE_ENV=production (the clock is real time in production)');
  }
  if (config.ARCHIVE_NOARK5_URL && !config.ARCHIVE_NOARK5_ARKIVDEL) {
    problems.push('ARCHIVE_NOARK5_ARKIVDEL: required with ARCHIVE_NOARK5_URL (the arkivdel the cases are filed under)');
  }
  if (problems.length) throw new ConfigError(`invalid configuration:\n  ${problems.join('\n  ')}`);
  return config;
}
