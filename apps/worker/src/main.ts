import 'reflect-metadata';
import pino from 'pino';
import { clockFromConfig, ConfigError, loadConfig, PRETTY_TRANSPORT, prettyLogs } from '../../../libs/platform/src';
import { TryggWorker } from './worker.runtime';

async function main(): Promise<void> {
  const config = loadConfig();
  if (!config.DATABASE_URL || !config.REDIS_URL) {
    throw new ConfigError('DATABASE_URL and REDIS_URL are required to run the worker on its own (npm start sets them for you)');
  }
  const logger = pino({ level: config.LOG_LEVEL, base: { app: 'worker' }, ...(prettyLogs() ? { transport: PRETTY_TRANSPORT } : {}) });
  const worker = new TryggWorker({
    databaseUrl: config.DATABASE_URL,
    redisUrl: config.REDIS_URL,
    clock: clockFromConfig(config),
    log: (msg, extra) => logger.info(extra ?? {}, msg),
    smtpUrl: config.SMTP_URL,
    mailFrom: config.MAIL_FROM,
    publicUrl: config.PUBLIC_URL ?? `http://localhost:${config.PORT}`,
    metricsPort: config.WORKER_METRICS_PORT,
    metricsHost: config.METRICS_HOST,
    reconcileEveryMs: config.RECONCILE_EVERY_MINUTES * 60_000,
    omniReminderCron: config.OMNI_REMINDER_CRON,
    jobLockMs: config.JOB_LOCK_SECONDS * 1000,
    archive: config.ARCHIVE_NOARK5_URL
      ? { baseUrl: config.ARCHIVE_NOARK5_URL, arkivdel: config.ARCHIVE_NOARK5_ARKIVDEL!, token: config.ARCHIVE_NOARK5_TOKEN }
      : undefined,
  });
  await worker.start();
  process.send?.({ ready: 'worker' });
  const stop = async () => {
    await worker.stop();
    process.exit(0);
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

main().catch((e) => {
  console.error(e instanceof ConfigError ? e.message : e);
  process.exit(1);
});
