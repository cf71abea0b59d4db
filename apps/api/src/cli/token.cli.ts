/**
 * `npm run -s token -- <username>` prints a bearer token for a seeded demo user, signed with the
 * local development key (refused when NODE_ENV=production).
 */
import { signDevToken } from '../../../../libs/identity/src/dev-token';
import { DEMO_USERNAMES } from '../../../../libs/persistence/src/seed/demo-data';

async function main(): Promise<void> {
  const username = process.argv[2];
  if (!username || !DEMO_USERNAMES.includes(username)) {
    console.error(`usage: npm run -s token -- <username>\n  demo users: ${DEMO_USERNAMES.join(', ')}`);
    process.exit(2);
  }
  process.stdout.write(`${await signDevToken(username)}\n`);
}

void main();
