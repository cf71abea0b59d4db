import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import { INestApplication } from '@nestjs/common';
import { Queue } from 'bullmq';
import type { NextFunction, Request, Response } from 'express';
import { DIRECTORY, Directory } from '../../../../libs/cases/src/ports';
import { TokenVerifier } from '../../../../libs/identity/src';
import { QUEUES } from '../infrastructure.providers';
import { problem } from '../errors/problem';

export const DASHBOARD_PATH = '/admin/queues';
const COOKIE = 'trygg_admin';

/**
 * Bull Board at /admin/queues, for users holding the `admin` role only. A browser cannot send a
 * bearer header, so `/admin/queues?token=<JWT>` checks the token once and keeps it in an
 * HttpOnly, SameSite=Strict cookie limited to this path; API clients may send the header.
 */
export function mountQueueDashboard(app: INestApplication): void {
  const verifier = app.get(TokenVerifier);
  const directory = app.get<Directory>(DIRECTORY);
  const queues = app.get<Queue[]>(QUEUES);

  const serverAdapter = new ExpressAdapter();
  serverAdapter.setBasePath(DASHBOARD_PATH);
  createBullBoard({ queues: queues.map((q) => new BullMQAdapter(q)), serverAdapter, options: { uiConfig: { boardTitle: 'Trygg queues' } } });

  const send = (res: Response, status: number, slug: string, title: string, detail: string) =>
    res.status(status).type('application/problem+json').send(JSON.stringify(problem(status, slug, title, detail)));

  const guard = async (req: Request, res: Response, next: NextFunction) => {
    const fromQuery = typeof req.query.token === 'string' ? req.query.token : undefined;
    const header = req.headers.authorization;
    const bearer = typeof header === 'string' ? /^Bearer\s+(\S+)$/i.exec(header)?.[1] : undefined;
    const cookie = cookieValue(req.headers.cookie, COOKIE);
    const token = fromQuery ?? bearer ?? cookie;
    if (!token) return send(res, 401, 'unauthorized', 'Unauthorized', `sign in: open ${DASHBOARD_PATH}?token=<JWT of an admin user>`);
    try {
      const user = await directory.userByUsername(await verifier.verify(token));
      if (!user) return send(res, 401, 'unauthorized', 'Unauthorized', 'the token does not belong to a user of Trygg');
      if (!user.roles.some((r) => r.role === 'admin')) return send(res, 403, 'forbidden', 'Not allowed', 'the queue dashboard is for the admin role');
    } catch (e) {
      return send(res, 401, 'unauthorized', 'Unauthorized', (e as Error).message);
    }
    if (fromQuery) {
      // Keep the token out of the address bar and history.
      res.cookie(COOKIE, token, { httpOnly: true, sameSite: 'strict', secure: req.secure, path: DASHBOARD_PATH });
      return res.redirect(303, DASHBOARD_PATH);
    }
    next();
  };

  app.use(DASHBOARD_PATH, guard, serverAdapter.getRouter());
}

function cookieValue(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return decodeURIComponent(v.join('='));
  }
  return undefined;
}
