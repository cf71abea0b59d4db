import { randomUUID } from 'node:crypto';
import type { Params } from 'nestjs-pino';
import { PRETTY_TRANSPORT, prettyLogs } from '../../../libs/platform/src';

/**
 * JSON logs with request ids and case ids only: no bodies, no tokens, no names (docs/domain.md §7).
 */
export function pinoOptions(level: string): Params {
  return {
    pinoHttp: {
      level,
      ...(prettyLogs() ? { transport: PRETTY_TRANSPORT } : {}),
      genReqId: (req) => (req.headers['x-request-id'] as string) || randomUUID(),
      redact: { paths: ['req.headers.authorization', 'req.headers.cookie'], remove: true },
      serializers: {
        req: (req: { id: string; method: string; url: string }) => ({
          id: req.id,
          method: req.method,
          // Query strings may hold filters such as childId; log the path only.
          path: String(req.url).split('?')[0],
        }),
        res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
      },
      customProps: (req) => {
        const m = /\/cases\/([0-9a-f-]{36})/i.exec(String(req.url));
        return m ? { caseId: m[1] } : {};
      },
    },
  };
}
