import { startStack } from './stack';

export default async function globalSetup(): Promise<void> {
  process.env.TRYGG_BASE_URL = (await startStack()).baseUrl;
}
