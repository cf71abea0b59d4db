import pg from 'pg';

const CHANNEL = 'trygg_directory';
const RECONNECT_MS = 1_000;

/**
 * One connection per process that LISTENs for committed changes to the cached tables (the
 * triggers of migration 1764900000000) and empties the read cache on each. While it is not
 * connected the cache is not used at all, and it is emptied again on reconnecting, so a
 * change made meanwhile is never served from memory.
 */
export class DirectoryChangesListener {
  private client: pg.Client | undefined;
  private stopped = false;
  private connected = false;
  private readonly subscribers = new Set<() => void>();

  constructor(private readonly databaseUrl: string) {}

  /** Whether a change made now will be heard: only then may cached reads be served. */
  get live(): boolean {
    return this.connected;
  }

  onChange(clear: () => void): void {
    this.subscribers.add(clear);
  }

  start(): void {
    void this.connect();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.connected = false;
    await this.client?.end().catch(() => undefined);
  }

  private async connect(): Promise<void> {
    if (this.stopped) return;
    const client = new pg.Client({ connectionString: this.databaseUrl, application_name: 'trygg-cache-listener' });
    this.client = client;
    const lost = () => {
      if (this.client !== client) return;
      this.connected = false;
      this.changed();
      client.removeAllListeners();
      void client.end().catch(() => undefined);
      if (!this.stopped) setTimeout(() => void this.connect(), RECONNECT_MS).unref();
    };
    client.on('error', lost);
    client.on('end', lost);
    client.on('notification', () => this.changed());
    try {
      await client.connect();
      await client.query(`LISTEN ${CHANNEL}`);
      // Whatever changed while nobody listened is forgotten before the cache is trusted again.
      this.changed();
      this.connected = !this.stopped;
    } catch {
      lost();
    }
  }

  private changed(): void {
    for (const clear of this.subscribers) clear();
  }
}
