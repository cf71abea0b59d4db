import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { Redis } from 'ioredis';

/**
 * Browser sessions, held by the API (backend for frontend): the browser keeps only a random id in
 * an httpOnly cookie and never sees a token. Each session has its own CSRF token, which every
 * state-changing request must echo in `X-CSRF-Token`. Idle sessions end after two hours, all
 * sessions after ten.
 */
export interface Session {
  username: string;
  csrf: string;
  method: 'dev' | 'oidc';
  createdAt: number;
  /** For OIDC logout (RP-initiated): the ID token and the provider's end-session endpoint. */
  idToken?: string;
  endSessionUrl?: string;
}

export const SESSION_IDLE_SECONDS = 2 * 3600;
const SESSION_MAX_MS = 10 * 3600_000;
/** Where a session lives in Redis. */
export const sessionKey = (id: string) => `trygg:session:${id}`;

export class SessionStore {
  constructor(private readonly redis: Redis) {}

  async create(s: Omit<Session, 'csrf' | 'createdAt'>): Promise<{ id: string; session: Session }> {
    const id = randomBytes(32).toString('base64url');
    const session: Session = { ...s, csrf: randomBytes(24).toString('base64url'), createdAt: Date.now() };
    await this.redis.set(sessionKey(id), JSON.stringify(session), 'EX', SESSION_IDLE_SECONDS);
    return { id, session };
  }

  /** The session, its idle time renewed; undefined when it has ended. */
  async get(id: string): Promise<Session | undefined> {
    if (!/^[A-Za-z0-9_-]{43}$/.test(id)) return undefined;
    // Read and renewed in one round trip (GETEX, Redis 6.2): every request of a signed-in user comes here.
    const raw = await this.redis.getex(sessionKey(id), 'EX', SESSION_IDLE_SECONDS);
    if (!raw) return undefined;
    const s = JSON.parse(raw) as Session;
    if (Date.now() - s.createdAt > SESSION_MAX_MS) {
      await this.redis.del(sessionKey(id));
      return undefined;
    }
    return s;
  }

  async destroy(id: string): Promise<void> {
    await this.redis.del(sessionKey(id));
  }
}

export function csrfMatches(session: Session, sent: unknown): boolean {
  if (typeof sent !== 'string') return false;
  const a = Buffer.from(sent);
  const b = Buffer.from(session.csrf);
  return a.length === b.length && timingSafeEqual(a, b);
}
