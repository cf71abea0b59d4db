import { startHarness } from './global-setup';

/** The medium tier needs the real PostgreSQL and Redis, not the build. */
export default async function mediumSetup(): Promise<void> {
  await startHarness();
}
