import type { NextFunction, Request, RequestHandler, Response } from 'express';
import helmet from 'helmet';

/**
 * Content-Security-Policy for everything Trygg serves: its own origin only, no inline script, no
 * framing. The web app is built to live with it (no inline script or style, fonts self-hosted).
 */
const STRICT = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'"],
  imgSrc: ["'self'", 'data:'],
  fontSrc: ["'self'"],
  connectSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
};

/** The two third-party operator pages (Swagger UI, Bull Board) ship inline script and style. */
const OPERATOR_PAGES = /^\/(api\/docs|admin\/queues)(\/|$)/;

export function securityHeaders(): RequestHandler {
  const common = {
    // One year; not includeSubDomains, which would bind every host of the municipality's domain.
    strictTransportSecurity: { maxAge: 31_536_000, includeSubDomains: false },
    referrerPolicy: { policy: 'no-referrer' as const },
    xFrameOptions: { action: 'deny' as const },
    crossOriginEmbedderPolicy: false,
  };
  const strict = helmet({ ...common, contentSecurityPolicy: { useDefaults: false, directives: STRICT } });
  const operator = helmet({
    ...common,
    contentSecurityPolicy: {
      useDefaults: false,
      directives: { ...STRICT, scriptSrc: ["'self'", "'unsafe-inline'"], styleSrc: ["'self'", "'unsafe-inline'"] },
    },
  });
  return (req: Request, res: Response, next: NextFunction) => (OPERATOR_PAGES.test(req.path) ? operator : strict)(req, res, next);
}

/** Case data must not linger in a shared computer's browser cache or a proxy: no-store on the API and admin. */
export function noStore(req: Request, res: Response, next: NextFunction): void {
  if (/^\/(api|admin|metrics)(\/|$)/.test(req.path)) res.setHeader('Cache-Control', 'no-store');
  next();
}
