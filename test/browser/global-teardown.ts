import { stopStack } from './stack';

export default async function globalTeardown(): Promise<void> {
  // A stack someone else started (TRYGG_BASE_URL while developing) is theirs to stop.
  if (process.env.TRYGG_STACK_STARTED) await stopStack();
}
