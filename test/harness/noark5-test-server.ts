import { randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A small Noark 5 archive service for the tests: the resource shapes of Noark 5 Tjenestegrensesnitt
 * v1.1 that Trygg uses (saksmappe in an arkivdel, journalpost, dokumentbeskrivelse, dokumentobjekt
 * and its file), held in memory, with `$filter=eksternID eq '…'`. It can be taken down (every
 * request answers 503) and brought back, like an archive on a maintenance night.
 */
export interface Noark5TestServer {
  url: string;
  arkivdel: string;
  saksmapper: Map<string, Record<string, unknown>>;
  journalposter: Map<string, Record<string, unknown> & { saksmappe: string }>;
  dokumentbeskrivelser: Map<string, Record<string, unknown> & { journalpost: string }>;
  dokumentobjekter: Map<string, Record<string, unknown> & { dokumentbeskrivelse: string; file?: Buffer }>;
  /** Requests answered 503 while down. */
  refused: number;
  down(): void;
  up(): void;
  close(): Promise<void>;
}

export async function startNoark5TestServer(): Promise<Noark5TestServer> {
  const arkivdel = randomUUID();
  const state = {
    saksmapper: new Map<string, Record<string, unknown>>(),
    journalposter: new Map<string, Record<string, unknown> & { saksmappe: string }>(),
    dokumentbeskrivelser: new Map<string, Record<string, unknown> & { journalpost: string }>(),
    dokumentobjekter: new Map<string, Record<string, unknown> & { dokumentbeskrivelse: string; file?: Buffer }>(),
  };
  let isDown = false;
  let refused = 0;
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const send = (status: number, body?: unknown) => {
        res.writeHead(status, { 'Content-Type': 'application/vnd.noark5+json' });
        res.end(body === undefined ? '' : JSON.stringify(body));
      };
      if (isDown) {
        refused++;
        return send(503, { message: 'under vedlikehold' });
      }
      const url = new URL(req.url ?? '/', 'http://x');
      const parts = url.pathname.split('/').filter(Boolean).slice(1); // after /noark5v5
      const body = () => JSON.parse(Buffer.concat(chunks).toString() || '{}') as Record<string, unknown>;
      const created = (map: Map<string, object>, extra: Record<string, unknown>) => {
        const systemID = randomUUID();
        const obj = { ...body(), ...extra, systemID };
        map.set(systemID, obj);
        return send(201, { ...obj, _links: {} });
      };
      const filter = (map: Map<string, Record<string, unknown>>) => {
        const m = /eksternID eq '([^']+)'/.exec(url.searchParams.get('$filter') ?? '');
        return send(200, { results: [...map.values()].filter((o) => !m || o.eksternID === m[1]), _links: {} });
      };
      const [area, kind, id, rel] = parts;
      if (req.method === 'GET' && area === 'sakarkiv' && kind === 'saksmappe' && !id) return filter(state.saksmapper);
      if (req.method === 'GET' && area === 'sakarkiv' && kind === 'journalpost' && !id) return filter(state.journalposter);
      if (req.method === 'POST' && kind === 'arkivdel' && id === arkivdel && rel === 'ny-saksmappe') return created(state.saksmapper, {});
      if (req.method === 'POST' && kind === 'saksmappe' && rel === 'ny-journalpost' && state.saksmapper.has(id))
        return created(state.journalposter, { saksmappe: id });
      if (req.method === 'GET' && kind === 'journalpost' && rel === 'dokumentbeskrivelse')
        return send(200, { results: [...state.dokumentbeskrivelser.values()].filter((d) => d.journalpost === id) });
      if (req.method === 'POST' && kind === 'journalpost' && rel === 'ny-dokumentbeskrivelse' && state.journalposter.has(id))
        return created(state.dokumentbeskrivelser, { journalpost: id });
      if (req.method === 'POST' && kind === 'dokumentbeskrivelse' && rel === 'ny-dokumentobjekt' && state.dokumentbeskrivelser.has(id))
        return created(state.dokumentobjekter, { dokumentbeskrivelse: id });
      if (req.method === 'PUT' && kind === 'dokumentobjekt' && rel === 'referanseFil' && state.dokumentobjekter.has(id)) {
        state.dokumentobjekter.get(id)!.file = Buffer.concat(chunks);
        return send(200, {});
      }
      send(404, { message: `no such resource: ${req.method} ${url.pathname}` });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/noark5v5`,
    arkivdel,
    ...state,
    get refused() {
      return refused;
    },
    down: () => void (isDown = true),
    up: () => void (isDown = false),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
