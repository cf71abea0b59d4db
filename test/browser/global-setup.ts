import { startStack } from './stack';

/** The stack `npm start` runs, started fresh; or, while developing, one already running at TRYGG_BASE_URL. */
export default async function globalSetup(): Promise<void> {
  if (process.env.TRYGG_BASE_URL) return;
  process.env.TRYGG_BASE_URL = (await startStack()).baseUrl;
  process.env.TRYGG_STACK_STARTED = '1';
}
