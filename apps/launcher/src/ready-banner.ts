import type { TryggConfig } from '../../../libs/platform/src';
import { DEMO_USERS } from '../../../libs/persistence/src/seed/demo-data';

/** The few lines a person needs once everything runs: where to go, how to log in, where the data is. */
export function readyBanner(config: TryggConfig, dataDir: string): string {
  const url = `http://localhost:${config.PORT}`;
  const demo = config.NODE_ENV !== 'production';
  const lines = [
    `  Trygg is running: ${url}/`,
    demo
      ? `  Log in       open ${url}/ and pick a demo user (larer to report a concern, rektor to take it on)`
      : `  Log in       open ${url}/ and sign in with ${config.OIDC_ISSUER_URL ?? "the owner's OIDC provider (set OIDC_ISSUER_URL)"}`,
    `  API          ${url}/api   (OpenAPI: ${url}/api/docs, health: ${url}/api/health)`,
    demo ? `  API token    TOKEN=$(npm run -s token -- rektor); curl -H "Authorization: Bearer $TOKEN" ${url}/api/me/tasks` : '',
    demo ? `  Demo users   ${DEMO_USERS.map((u) => u.username).join(', ')}` : '',
    config.TRYGG_NOW ? `  Clock        starts at ${config.TRYGG_NOW}` : '',
    `  Data         ${config.DATABASE_URL ? 'PostgreSQL at DATABASE_URL' : `${dataDir}`}   (npm run backup)`,
    `  E-mail       ${config.SMTP_URL ? 'on (SMTP_URL)' : 'off: notifications are in-app (set SMTP_URL to send e-mail)'}`,
    '  Stop         Ctrl-C',
  ];
  return `\n${lines.filter((l) => l !== '').join('\n')}\n\n`;
}
