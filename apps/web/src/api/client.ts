import { currentLanguage } from '../i18n/current';
import { tr } from '../i18n/translate';
import createClient, { type Middleware } from 'openapi-fetch';
import type { components, paths } from './schema';

export type Schemas = components['schemas'];
export type CaseView = Schemas['CaseDto'];
export type EventView = Schemas['EventDto'];
export type Me = Schemas['MeDto'];
export type Task = Schemas['TaskDto'];
export type Child = Schemas['ChildDto'];
export type StaffMember = Schemas['StaffMemberDto'];
export type Session = Schemas['SessionDto'];

/** An RFC 9457 problem from the API, with the members Trygg adds. */
export interface Problem {
  type?: string;
  title?: string;
  status: number;
  detail?: string;
  errors?: Array<{ field: string; message: string }>;
  currentState?: string;
  version?: number;
  allowedCommands?: string[];
}

export class ApiProblem extends Error {
  constructor(readonly problem: Problem) {
    super(problem.detail ?? problem.title ?? `HTTP ${problem.status}`);
  }
  get status(): number {
    return this.problem.status;
  }
  /** The message for one field, as the API named it (e.g. `plan.measures[0].ffss`). */
  fieldError(field: string): string | undefined {
    return this.problem.errors?.find((e) => e.field === field)?.message;
  }
}

let csrfToken: string | null = null;
/** The session's CSRF token; every POST, PUT and DELETE carries it (the session cookie alone is not enough). */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

const csrf: Middleware = {
  onRequest({ request }) {
    if (!['GET', 'HEAD'].includes(request.method) && csrfToken) request.headers.set('X-CSRF-Token', csrfToken);
    return request;
  },
};

/** The history's entry labels come from the API: it labels them in the language the pages are in. */
const language: Middleware = {
  onRequest({ request }) {
    request.headers.set('Accept-Language', currentLanguage() === 'nn' ? 'nn, nb;q=0.8' : 'nb, nn;q=0.8');
    return request;
  },
};

/** The API, typed from its own OpenAPI document; the browser's session cookie goes along. */
export const api = createClient<paths>({ baseUrl: '/', credentials: 'same-origin' });
api.use(csrf, language);

/** Unwraps an openapi-fetch result: the data, or an ApiProblem the page can show where it belongs. */
export async function unwrap<T>(p: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  let r: { data?: T; error?: unknown; response: Response };
  try {
    r = await p;
  } catch {
    throw new ApiProblem({
      status: 0,
      title: tr('common.noContact'),
      detail: tr('common.noContactDetail'),
    });
  }
  if (r.response.ok) return r.data as T;
  const body = (r.error && typeof r.error === 'object' ? r.error : {}) as Partial<Problem>;
  throw new ApiProblem({ ...body, status: r.response.status });
}
