/** RFC 9457 problem details, as every error of this API is shaped. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance?: string;
  [extension: string]: unknown;
}

export const PROBLEM_BASE = 'https://trygg.no/problems/';

export function problem(status: number, slug: string, title: string, detail: string, ext: Record<string, unknown> = {}): Problem {
  return { type: `${PROBLEM_BASE}${slug}`, title, status, detail, ...ext };
}
