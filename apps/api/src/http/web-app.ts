import fs from 'node:fs';
import path from 'node:path';
import express, { NextFunction, Request, Response } from 'express';

/** Paths that are never the web app's, so a typo there stays the API's 404 and not a page. */
const NOT_THE_APP = /^\/(api|admin|metrics)(\/|$)/;

/**
 * The built web app at `/`: hashed assets cached for a year, and index.html for every other GET
 * that wants a page, so a reload of a deep link (`/saker/{id}`) works.
 */
export function webAppHandlers(dist: string | undefined): express.RequestHandler[] {
  const index = dist ? path.join(dist, 'index.html') : undefined;
  if (!dist || !index || !fs.existsSync(index)) return [];
  const assets = express.static(dist, {
    index: false,
    fallthrough: true,
    setHeaders: (res, file) => {
      res.setHeader('Cache-Control', file.includes(`${path.sep}assets${path.sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
  const page = (req: Request, res: Response, next: NextFunction) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || NOT_THE_APP.test(req.path) || !req.accepts('html')) return next();
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(index);
  };
  return [(req, res, next) => (NOT_THE_APP.test(req.path) ? next() : assets(req, res, next)), page];
}
