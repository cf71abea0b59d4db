import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import { INestApplication } from '@nestjs/common';
import { Queue } from 'bullmq';
import type { NextFunction, Request, Response } from 'express';
import { DIRECTORY, Directory } from '../../../../libs/cases/src/ports';
import { TokenVerifier } from '../../../../libs/identity/src';
import { randomBytes } from 'node:crypto';
import type { Redis } from 'ioredis';
import { API_RUNTIME, ApiRuntime, QUEUES, REDIS } from '../infrastructure.providers';
import { problem } from '../errors/problem';
import { cookieValue } from '../auth/session-cookie';

export const DASHBOARD_PATH = '/admin/queues';
const COOKIE = 'trygg_admin';

const SESSION_SECONDS = 3600;
const sessionKey = (id: string) => `trygg:admin-session:${id}`;

/**
 * Bull Board at /admin/queues, for users holding the `admin` role only. A browser cannot send a
 * bearer header, so `/admin/queues?token=<JWT>` checks the token once and opens a session: the
 * cookie holds a random id (HttpOnly, SameSite=Strict, this path only, Secure outside
 * development), Redis holds who it belongs to for an hour. API clients may send the header.
 */
export function mountQueueDashboard(app: INestApplication): void {
  const verifier = app.get(TokenVerifier);
  const directory = app.get<Directory>(DIRECTORY);
  const queues = app.get<Queue[]>(QUEUES);
  const redis = app.get<Redis>(REDIS);
  const secure = app.get<ApiRuntime>(API_RUNTIME).environment !== 'development';

  const serverAdapter = new ExpressAdapter();
  serverAdapter.setBasePath(DASHBOARD_PATH);
  createBullBoard({
    queues: queues.map((q) => new BullMQAdapter(q)),
    serverAdapter,
    options: { uiConfig: { boardTitle: 'Trygg queues' } },
  });

  const send = (res: Response, status: number, slug: string, title: string, detail: string) =>
    res
      .status(status)
      .type('application/problem+json')
      .send(JSON.stringify(problem(status, slug, title, detail)));

  const guard = async (req: Request, res: Response, next: NextFunction) => {
    const fromQuery = typeof req.query.token === 'string' ? req.query.token : undefined;
    const header = req.headers.authorization;
    const token = fromQuery ?? (typeof header === 'string' ? /^Bearer\s+(\S+)$/i.exec(header)?.[1] : undefined);
    const session = cookieValue(req.headers.cookie, COOKIE);
    const signIn = `sign in: open ${DASHBOARD_PATH}?token=<JWT of an admin user>`;
    try {
      const username = token ? await verifier.verify(token) : session ? await redis.get(sessionKey(session)) : null;
      if (!username) return send(res, 401, 'unauthorized', 'Unauthorized', session ? `the session has ended; ${signIn}` : signIn);
      const user = await directory.userByUsername(username);
      if (!user) return send(res, 401, 'unauthorized', 'Unauthorized', 'the token does not belong to a user of Trygg');
      if (!user.roles.some((r) => r.role === 'admin'))
        return send(res, 403, 'forbidden', 'Not allowed', 'the queue dashboard is for the admin role');
      if (fromQuery) {
        // Keep the token out of the address bar, the history and the cookie jar.
        const id = randomBytes(32).toString('base64url');
        await redis.set(sessionKey(id), user.username, 'EX', SESSION_SECONDS);
        res.cookie(COOKIE, id, { httpOnly: true, sameSite: 'strict', secure, path: DASHBOARD_PATH, maxAge: SESSION_SECONDS * 1000 });
        return res.redirect(303, DASHBOARD_PATH);
      }
    } catch (e) {
      return next(e);
    }
    next();
  };

  app.use(DASHBOARD_PATH, guard, serverAdapter.getRouter());
}
